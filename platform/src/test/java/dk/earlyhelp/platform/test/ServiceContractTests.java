package dk.earlyhelp.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every service promises the platform, inherited by each service's {@code XxxServiceTests}
 * (annotated {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}): ready with its store on the
 * real infrastructure, Prometheus metrics, and an API that needs a token.
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
}
