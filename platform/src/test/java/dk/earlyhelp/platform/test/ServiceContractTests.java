package dk.earlyhelp.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * What every service promises the platform, inherited by each service's {@code XxxServiceTests}
 * (annotated {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}): ready with its store on the
 * real infrastructure, Prometheus metrics, and an API that needs a token meant for it.
 */
public abstract class ServiceContractTests {

    @LocalServerPort
    protected int port;

    /** A path of the service's API that must refuse anonymous callers. */
    protected abstract String protectedPath();

    @Test
    void isReadyWithItsStore() throws Exception {
        ServiceChecks.assertReadyWithStore(port);
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        ServiceChecks.assertPrometheusMetrics(port);
    }

    @Test
    void answers401ProblemDetailsWithoutToken() throws Exception {
        ServiceChecks.assertApiNeedsToken(port, protectedPath());
    }

    /** The service checks the token itself, not trusting the gateway: a token meant for others is refused. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensMeantForOthers")
    void refusesTokensOfAnotherIssuerOrAudience(String attack, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        Map<String, Object> teacher = Map.of("roles", List.of("MUNICIPAL_STAFF"), "org_type", "MUNICIPALITY",
                "org", "0751");
        assertThat(ServiceChecks.get(port, protectedPath(), TestTokens.issue("t-1", teacher)).statusCode())
                .as("the same token as issued for the API").isNotEqualTo(401);

        HttpResponse<String> refused = ServiceChecks.get(port, protectedPath(), TestTokens.issue("t-1", teacher, change));

        assertThat(refused.statusCode()).as(attack).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static Stream<Arguments> tokensMeantForOthers() {
        return Stream.of(
                Arguments.of("wrong issuer", (Consumer<JWTClaimsSet.Builder>) b -> b.issuer("http://evil-issuer")),
                Arguments.of("no issuer", (Consumer<JWTClaimsSet.Builder>) b -> b.issuer(null)),
                Arguments.of("another audience", (Consumer<JWTClaimsSet.Builder>) b -> b.audience("another-api")),
                Arguments.of("no audience", (Consumer<JWTClaimsSet.Builder>) b -> b.audience((String) null)));
    }
}
