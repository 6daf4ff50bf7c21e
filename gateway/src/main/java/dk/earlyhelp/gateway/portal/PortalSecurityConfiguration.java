package dk.earlyhelp.gateway.portal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

import dk.earlyhelp.gateway.identity.IdentityProperties;

/**
 * Browsers log in with the authorization code flow and PKCE; the portal keeps the tokens in the
 * session and calls the services with the user's own access token, refreshed when it expires.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String REGISTRATION = "portal";

    @Bean
    @Order(4)
    SecurityFilterChain portalChain(HttpSecurity http, ClientRegistrationRepository registrations,
            IdentityProperties identity) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler endSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endSession.setPostLogoutRedirectUri("{baseUrl}/logged-out");

        http.authorizeHttpRequests(requests -> requests
                        // A custody holder's personal link: its secret is checked by the consent service.
                        .requestMatchers("/samtykke/**")
                        .permitAll()
                        .requestMatchers("/logged-out", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/api-docs/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce)))
                .logout(logout -> logout.logoutSuccessHandler(endSession))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**")),
                                new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy(identity))))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()));
        return http.build();
    }

    /**
     * Pages load only what the portal serves itself; forms may go to the identity provider too,
     * since logging out redirects there. Swagger UI keeps its own inline scripts and is left out.
     */
    static String contentSecurityPolicy(IdentityProperties identity) {
        String provider = java.net.URI.create(identity.authorizationUri()).resolve("/").toString();
        return "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + provider.substring(0, provider.length() - 1);
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(IdentityProperties identity) {
        // Explicit endpoints, no discovery: in the run mode the issuer is this very application,
        // which does not answer before it has started.
        ClientRegistration portal = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("Tidlig Hjælp")
                .clientId("portal")
                .clientSecret(identity.portalClientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(identity.issuer())
                .authorizationUri(identity.authorizationUri())
                .tokenUri(identity.tokenUri())
                .jwkSetUri(identity.jwkSetUri())
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", identity.endSessionUri()))
                .build();
        return new InMemoryClientRegistrationRepository(portal);
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
