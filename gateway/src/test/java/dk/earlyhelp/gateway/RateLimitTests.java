package dk.earlyhelp.gateway;

import static dk.earlyhelp.gateway.ApiDoorTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rate limits over real HTTP, with a low limit (a burst of 3, then one request per 20 s) so a
 * test reaches it at once. Each test uses callers of its own: API users by subject, the
 * address 127.0.0.1 once per bucket set (anonymous API calls, login posts, token requests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RateLimitTests {

    static final int PORT = RunningGateway.freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final Downstream SERVICE = Downstream.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("earlyhelp.identity.demo-identities", () -> "true");
        registry.add("earlyhelp.identity.signing-key-file", () -> Tokens.file().toString());
        registry.add("earlyhelp.services.referral-url", SERVICE::url);
        for (String bucket : new String[] { "", ".login", ".token-endpoint" }) {
            registry.add("earlyhelp.gateway.rate-limit" + bucket + ".requests-per-second", () -> "0.05");
            registry.add("earlyhelp.gateway.rate-limit" + bucket + ".burst", () -> "3");
        }
    }

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachUserHasALimitOfTheirOwn(CapturedOutput output) throws Exception {
        String first = Tokens.valid(BASE, "user-one-subject", "MUNICIPAL_STAFF");
        for (int i = 0; i < 3; i++) {
            assertThat(api("/api/referrals/limited", first).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = api("/api/referrals/limited", first);

        assertProblem(refused, 429, "rate-limited");
        retryAfter(refused);
        assertThat(SERVICE.receivedAt("/api/referrals/limited")).hasSize(3);
        assertThat(api("/api/referrals/other-user", Tokens.valid(BASE, "user-two-subject", "MUNICIPAL_STAFF"))
                .statusCode()).as("another user is not held back").isEqualTo(200);
        assertThat(output.getAll().lines().filter(line -> line.contains("Rate limit reached"))).singleElement()
                .satisfies(line -> assertThat(line).contains("API caller").doesNotContain("user-one-subject", "127.0.0.1"));
    }

    @Test
    void callersWithoutAValidTokenAreCountedByAddress() throws Exception {
        assertThat(api("/api/referrals/anonymous", null).statusCode()).isEqualTo(401);
        assertThat(api("/api/referrals/anonymous", "forged.token.value").statusCode()).isEqualTo(401);
        assertThat(api("/api/referrals/anonymous", null).statusCode()).isEqualTo(401);

        assertProblem(api("/api/referrals/anonymous", "forged.token.value"), 429, "rate-limited");
        assertThat(api("/api/referrals/with-token", Tokens.valid(BASE, "user-three-subject", "MUNICIPAL_STAFF"))
                .statusCode()).as("a valid token is counted by its subject").isEqualTo(200);
    }

    @Test
    void theLoginFormSlowsDownGuessingFromOneAddress() throws Exception {
        BrowserSession browser = new BrowserSession(BASE);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.logIn("laerer.aarhus", "guess-" + i).body()).contains("Brugernavn eller adgangskode er forkert");
        }

        HttpResponse<String> refused = browser.logIn("laerer.aarhus", "demo");

        assertThat(refused.statusCode()).isEqualTo(429);
        int retryAfter = retryAfter(refused);
        assertThat(refused.body()).contains("For mange loginforsøg fra din adresse", "Vent " + retryAfter + " sekunder")
                .doesNotContain("Brugernavn eller adgangskode er forkert");
        assertThat(browser.get("/").uri().getPath()).as("the right password was not even checked").isEqualTo("/login");
    }

    @Test
    void theTokenEndpointSlowsDownFloodsFromOneAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(tokenRequest().statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = tokenRequest();

        assertProblem(refused, 429, "rate-limited");
        retryAfter(refused);
    }

    /** One token per 20 s refills the bucket; on a busy machine some of that has passed already. */
    private static int retryAfter(HttpResponse<String> refused) {
        int seconds = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(seconds).isBetween(1, 20);
        return seconds;
    }

    private HttpResponse<String> api(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> tokenRequest() throws Exception {
        String basic = Base64.getEncoder().encodeToString("demo-import:demo-import-secret".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
