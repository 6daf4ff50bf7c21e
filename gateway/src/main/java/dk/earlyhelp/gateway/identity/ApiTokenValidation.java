package dk.earlyhelp.gateway.identity;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What an access token must say to be used on the API: the identity provider's issuer, the API
 * among its audiences (a token issued for another resource of the same provider is refused), and
 * dates that hold now. The services check the same with Spring Boot's resource-server settings.
 */
final class ApiTokenValidation {

    private ApiTokenValidation() {
    }

    static OAuth2TokenValidator<Jwt> of(IdentityProperties identity) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(identity.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(identity.audience())));
    }
}
