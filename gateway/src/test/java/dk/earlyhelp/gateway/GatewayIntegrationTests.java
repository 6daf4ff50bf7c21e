package dk.earlyhelp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Contracts;

/**
 * The gateway on a real port with its embedded authorization server: the login flow a browser
 * takes, the client-credentials grant for integration clients, and the API door.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class GatewayIntegrationTests {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("earlyhelp.identity.demo-identities", () -> "true");
    }

    @Autowired
    JwtDecoder jwtDecoder;

    HttpClient http = HttpClient.newHttpClient();

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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
