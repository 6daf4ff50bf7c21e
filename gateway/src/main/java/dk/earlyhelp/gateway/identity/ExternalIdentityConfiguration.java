package dk.earlyhelp.gateway.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * With an external identity provider (Keycloak in docker compose), API tokens are checked against
 * its keys: RS256 only, its issuer, the API audience, in date.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "earlyhelp.identity.embedded", havingValue = "false")
class ExternalIdentityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(IdentityProperties identity) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(identity.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(ApiTokenValidation.of(identity));
        return decoder;
    }
}
