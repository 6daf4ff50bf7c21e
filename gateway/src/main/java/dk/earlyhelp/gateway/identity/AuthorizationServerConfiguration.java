package dk.earlyhelp.gateway.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dk.earlyhelp.gateway.limits.RateLimits;

/**
 * The run mode's OAuth2/OIDC authorization server, hosted in the gateway. It keeps its login in a
 * session attribute of its own, apart from the portal's, as if it were a separate application:
 * the portal still goes through the authorization code flow and holds real tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "earlyhelp.identity.embedded", havingValue = "true")
class AuthorizationServerConfiguration {

    /** At most 5 minutes: a token stays valid at the services until it expires, whatever changed meanwhile. */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);
    /** After the body size limit, before Spring Security's filters (-100). */
    private static final int SIGN_IN_RATE_LIMIT_ORDER = -110;
    private static final String IDENTITY_CONTEXT = "EARLYHELP_IDENTITY_CONTEXT";

    private final HttpSessionSecurityContextRepository identityContext = new HttpSessionSecurityContextRepository();

    AuthorizationServerConfiguration() {
        identityContext.setSpringSecurityContextKey(IDENTITY_CONTEXT);
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(identityContext))
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** The login form the authorization server sends browsers to. */
    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/login")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(identityContext))
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties identity, PasswordEncoder passwords) {
        String portalUrl = identity.issuer();
        RegisteredClient portal = RegisteredClient.withId("portal")
                .clientId("portal")
                .clientSecret(passwords.encode(identity.portalClientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(portalUrl + "/login/oauth2/code/portal")
                .postLogoutRedirectUri(portalUrl + "/logged-out")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                        .refreshTokenTimeToLive(Duration.ofHours(8)).reuseRefreshTokens(false).build())
                .build();
        List<RegisteredClient> clients = new java.util.ArrayList<>(List.of(portal));
        if (identity.demoIdentities()) {
            DemoIdentities.CLIENTS.forEach((clientId, client) -> clients.add(RegisteredClient
                    .withId(clientId)
                    .clientId(clientId)
                    .clientSecret(passwords.encode(client.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME).build())
                    .build()));
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    UserDetailsService users(IdentityProperties identity, PasswordEncoder passwords) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (identity.demoIdentities()) {
            DemoIdentities.USERS.forEach((username, profile) -> users.createUser(User.withUsername(username)
                    .password(passwords.encode(DemoIdentities.PASSWORD))
                    .roles(profile.roles().toArray(String[]::new))
                    .build()));
        }
        return users;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Puts role, organisation and partnerships into access and ID tokens, for users and clients alike;
     * access tokens also name the API as their audience, which every service requires.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> profileClaims(IdentityProperties identity) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = "id_token".equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            if (accessToken) {
                context.getClaims().audience(List.of(context.getRegisteredClient().getClientId(), identity.audience()));
            }
            Profile profile = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                    ? clientProfile(context.getRegisteredClient().getClientId())
                    : DemoIdentities.USERS.get(context.getPrincipal().getName());
            if (profile != null) {
                Map<String, Object> claims = profile.claims();
                context.getClaims().claims(existing -> existing.putAll(claims));
            }
            if (DemoIdentities.USERS.containsKey(context.getPrincipal().getName())) {
                context.getClaims().claim("email", DemoIdentities.email(context.getPrincipal().getName()));
            }
        };
    }

    private static Profile clientProfile(String clientId) {
        DemoIdentities.Client client = DemoIdentities.CLIENTS.get(clientId);
        return client == null ? null : client.profile();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties identity) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(identity.signingKeyFile())));
    }

    /**
     * The gateway validates API tokens with its own keys, without a round trip to itself: RS256
     * only (no {@code none}, no HMAC with the public key as secret), its own issuer, the API audience, in date.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties identity) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(ApiTokenValidation.of(identity));
        return decoder;
    }

    /** Password guessing and token floods are slowed per address before the security filters run. */
    @Bean
    FilterRegistrationBean<SignInRateLimitFilter> signInRateLimitFilter(RateLimits rateLimits) {
        FilterRegistrationBean<SignInRateLimitFilter> registration = new FilterRegistrationBean<>(
                new SignInRateLimitFilter(rateLimits));
        registration.setOrder(SIGN_IN_RATE_LIMIT_ORDER);
        return registration;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties identity) {
        return AuthorizationServerSettings.builder().issuer(identity.issuer()).build();
    }
}
