package dk.earlyhelp.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import dk.earlyhelp.platform.problem.ProblemDetailsAdvice;
import dk.earlyhelp.platform.problem.ProblemSecurityHandlers;
import tools.jackson.databind.json.JsonMapper;

/** Problem details for every web application that uses the platform. */
@AutoConfiguration
@ConditionalOnWebApplication
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
        return new ProblemSecurityHandlers(json);
    }
}
