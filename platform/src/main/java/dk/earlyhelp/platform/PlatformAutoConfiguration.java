package dk.earlyhelp.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.DocumentedProblems;
import dk.earlyhelp.platform.problem.ProblemDetailsAdvice;
import dk.earlyhelp.platform.problem.ProblemSecurityHandlers;
import tools.jackson.databind.json.JsonMapper;

/** Problem details and the API description for every web application that uses the platform. */
@AutoConfiguration
@ConditionalOnWebApplication
public class PlatformAutoConfiguration {

    /** The one clock use cases read the time from, so tests can set it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<AuditTrail> audit) {
        return new ProblemDetailsAdvice(audit);
    }

    /** Every API description names its service and the bearer token it needs. */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI openApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title(service + " API").version("v1")
                        .description("Reached through the gateway; every call needs an access token from /oauth2/token."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSchemas("ProblemDetail", DocumentedProblems.problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                // Relative: the one Swagger UI at the gateway calls the API through the gateway.
                .servers(java.util.List.of(new Server().url("/").description("the gateway")));
    }

    /** Every operation's description lists the problem details it may answer. */
    @Bean
    DocumentedProblems documentedProblems() {
        return new DocumentedProblems();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
        return new ProblemSecurityHandlers(json);
    }
}
