package dk.earlyhelp.gateway.identity;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The identity provider the gateway trusts.
 *
 * @param embedded           host the authorization server in the gateway (run mode) instead of using an external one
 * @param issuer             the {@code iss} of every token
 * @param audience           the {@code aud} every access token for the API carries (services accept no other)
 * @param authorizationUri   where the browser goes to log in
 * @param tokenUri           where the gateway exchanges codes for tokens (server to server)
 * @param jwkSetUri          the public keys that sign tokens
 * @param userInfoUri        OIDC user info
 * @param endSessionUri      OIDC RP-initiated logout
 * @param portalClientSecret the portal client's secret
 * @param signingKeyFile     where the embedded server keeps its signing key, so a restart keeps everyone logged in
 * @param demoIdentities     register the demo users and clients (run mode and tests only)
 */
@ConfigurationProperties("earlyhelp.identity")
public record IdentityProperties(boolean embedded, String issuer, String audience, String authorizationUri,
                                 String tokenUri, String jwkSetUri, String userInfoUri, String endSessionUri,
                                 String portalClientSecret, Path signingKeyFile, boolean demoIdentities) {
}
