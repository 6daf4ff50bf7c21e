package dk.earlyhelp.gateway.portal;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The logged-in user's current access token, refreshed when it has expired. */
@Component
class AccessTokens {

    private final OAuth2AuthorizedClientManager clients;
    private final JwtDecoder jwtDecoder;

    AccessTokens(OAuth2AuthorizedClientManager clients, JwtDecoder jwtDecoder) {
        this.clients = clients;
        this.jwtDecoder = jwtDecoder;
    }

    /**
     * The token, or null when the session holds none. An access token lives 5 minutes: an expired
     * one is refreshed here; when the refresh token is refused too (expired after 8 hours, revoked),
     * {@link ClientAuthorizationRequiredException} sends the browser through the identity provider
     * again, which answers without a form while the user's login there lasts (see {@link ReauthenticationAdvice}).
     */
    Jwt current(Authentication user, HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(PortalSecurityConfiguration.REGISTRATION)
                    .principal(user)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response)
                    .build());
        } catch (ClientAuthorizationRequiredException required) {
            throw required;
        } catch (ClientAuthorizationException refused) {
            throw new ClientAuthorizationRequiredException(PortalSecurityConfiguration.REGISTRATION);
        }
        return client == null ? null : jwtDecoder.decode(client.getAccessToken().getTokenValue());
    }
}
