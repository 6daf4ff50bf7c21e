package dk.earlyhelp.gateway.limits;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The body size limit applies to every request, before Spring Security's filters (order -100) look at it. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    static final int REQUEST_SIZE_ORDER = -120;

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(LimitsProperties limits, ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeFilter(limits.maxBodyBytes(), limits.importMaxBodyBytes(), problems));
        registration.setOrder(REQUEST_SIZE_ORDER);
        return registration;
    }
}
