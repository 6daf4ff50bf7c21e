package dk.earlyhelp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Contracts;

/**
 * The gateway on a real port with its embedded authorization server: the login flow a browser
 * takes, the portal's token handling, the client-credentials grant for integration clients, and the API door.
 */
class GatewayIntegrationTests extends RunningGateway {

    static final String REGISTRATION = "portal";

    @Autowired
    JwtDecoder jwtDecoder;

    @Autowired
    OAuth2AuthorizedClientService authorizedClients;

    @Test
    void demoTeacherLogsInAndSeesTheDanishShellWithARoleFittingNavigation() throws Exception {
        BrowserSession browser = new BrowserSession(BASE);

        HttpResponse<String> home = browser.logIn("laerer.aarhus", "demo");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.body()).contains("lang=\"da\"", "Velkommen, Mette Holm", "Mine henvisninger", "Log ud")
                .doesNotContain("Indbakke");
    }

    @Test
    void coordinatorSeesTheInboxInTheNavigationAndCanSwitchToEnglish() throws Exception {
        BrowserSession browser = new BrowserSession(BASE);
        browser.logIn("koordinator.powerkids", "demo");

        HttpResponse<String> english = browser.get("/?lang=en");

        assertThat(english.body()).contains("lang=\"en\"", "Welcome, Sara Lund", "Inbox", "Log out");
        assertThat(browser.get("/").body()).as("the choice is remembered").contains("Welcome, Sara Lund");
    }

    @Test
    void wrongPasswordShowsAReadableErrorAndNoSession() throws Exception {
        BrowserSession browser = new BrowserSession(BASE);

        HttpResponse<String> again = browser.logIn("laerer.aarhus", "wrong");

        assertThat(again.uri().getPath()).isEqualTo("/login");
        assertThat(again.body()).contains("Brugernavn eller adgangskode er forkert");
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        BrowserSession browser = new BrowserSession(BASE);
        HttpResponse<String> home = browser.logIn("laerer.aarhus", "demo");

        HttpResponse<String> loggedOut = browser.submit(home, "/logout");

        assertThat(loggedOut.uri().getPath()).isEqualTo("/logged-out");
        assertThat(loggedOut.body()).contains("Du er logget ud");
        assertThat(browser.get("/").uri().getPath()).as("a new visit asks for the login again").isEqualTo("/login");
    }

    @Test
    void portalRefreshesAnExpiredAccessTokenWithoutTheUserNoticing() throws Exception {
        BrowserSession browser = new BrowserSession(BASE);
        browser.logIn("laerer.aarhus", "demo");
        OAuth2AuthorizedClient loggedIn = authorizedClients.loadAuthorizedClient(REGISTRATION, "laerer.aarhus");
        assertThat(Duration.between(loggedIn.getAccessToken().getIssuedAt(), loggedIn.getAccessToken().getExpiresAt()))
                .as("access tokens live at most 5 minutes").isLessThanOrEqualTo(Duration.ofMinutes(5));
        replaceTokens("laerer.aarhus", loggedIn.getClientRegistration(), loggedIn.getRefreshToken());

        HttpResponse<String> home = browser.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Velkommen, Mette Holm");
        OAuth2AuthorizedClient refreshed = authorizedClients.loadAuthorizedClient(REGISTRATION, "laerer.aarhus");
        assertThat(refreshed.getAccessToken().getTokenValue()).isNotEqualTo("expired");
        assertThat(refreshed.getRefreshToken().getTokenValue()).as("rotated")
                .isNotEqualTo(loggedIn.getRefreshToken().getTokenValue());
    }

    @Test
    void portalLogsInAgainWithoutAFormWhenTheRefreshTokenIsRefused() throws Exception {
        BrowserSession browser = new BrowserSession(BASE);
        browser.logIn("laerer.aarhus", "demo");
        browser.get("/henvisninger");
        OAuth2AuthorizedClient loggedIn = authorizedClients.loadAuthorizedClient(REGISTRATION, "laerer.aarhus");
        replaceTokens("laerer.aarhus", loggedIn.getClientRegistration(),
                new OAuth2RefreshToken("revoked", Instant.now().minusSeconds(600)));

        HttpResponse<String> page = browser.get("/henvisninger");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).as("back on the page asked for").isEqualTo("/henvisninger");
        assertThat(page.body()).contains("Log ud").doesNotContain("name=\"password\"");
        assertThat(authorizedClients.<OAuth2AuthorizedClient>loadAuthorizedClient(REGISTRATION, "laerer.aarhus")
                .getRefreshToken().getTokenValue()).isNotEqualTo("revoked");
    }

    /** Puts an expired access token (and the given refresh token) into the user's session, as time would. */
    private void replaceTokens(String username, ClientRegistration registration, OAuth2RefreshToken refreshToken) {
        OAuth2AccessToken expired = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired",
                Instant.now().minusSeconds(600), Instant.now().minusSeconds(300));
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, username, expired, refreshToken),
                new TestingAuthenticationToken(username, null));
    }

    @Test
    void issuesClientCredentialsTokensWithOrganisationClaims() throws Exception {
        JsonNode token = clientCredentials("demo-steering", "demo-steering-secret");

        Jwt jwt = jwtDecoder.decode(token.get("access_token").asText());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STEERING_GROUP");
        assertThat(jwt.getClaimAsStringList("partnerships")).contains("POWERKIDS-0751", "STROEM-0101");
        assertThat(jwt.getClaimAsString("org_type")).isEqualTo("PLATFORM");
        assertThat(token.get("expires_in").asInt()).isLessThanOrEqualTo(300);
    }

    @Test
    void refusesClientCredentialsWithAWrongSecret() throws Exception {
        HttpResponse<String> response = tokenRequest("demo-import", "not-the-secret");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void apiWithoutTokenAnswers401ProblemDetailsBeforeRouting() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/referrals")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Set-Cookie")).as("stateless").isEmpty();
    }

    @Test
    void portalPagesTellBrowsersToLoadOnlyWhatThePortalServes() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(BASE + "/logged-out")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void everyAnswerTellsBrowsersToComeBackOnlyOverHttps() throws Exception {
        String hsts = "max-age=31536000; includeSubDomains";
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(BASE + "/logged-out")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/referrals")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue(hsts);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Strict-Transport-Security")).as("refusals too").hasValue(hsts);
    }

    @Test
    void publishesTheKeysServicesValidateTokensWith() throws Exception {
        HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/jwks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(Contracts.parse(jwks.body()).at("/keys/0/kty").asText()).isEqualTo("RSA");
    }

    private JsonNode clientCredentials(String clientId, String secret) throws Exception {
        HttpResponse<String> response = tokenRequest(clientId, secret);
        assertThat(response.statusCode()).isEqualTo(200);
        return Contracts.parse(response.body());
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
