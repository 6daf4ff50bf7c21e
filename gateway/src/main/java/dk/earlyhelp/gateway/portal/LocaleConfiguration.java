package dk.earlyhelp.gateway.portal;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Danish by default, English on request ({@code ?lang=en}), remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale DANISH = Locale.forLanguageTag("da");
    static final java.util.Set<String> SUPPORTED = java.util.Set.of("da", "en");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("earlyhelp-lang");
        resolver.setDefaultLocale(DANISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                // Only the languages the portal is written in; anything else keeps the current one.
                String wanted = request.getParameter("lang");
                return wanted == null || SUPPORTED.contains(wanted) ? super.preHandle(request, response, handler) : true;
            }
        };
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
