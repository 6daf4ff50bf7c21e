package dk.earlyhelp.consent;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.earlyhelp.platform.test.ServiceChecks;

/** The service starts on the real store and broker, reports ready, exposes metrics and guards its API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentServiceTests {

    @LocalServerPort
    int port;

    @Test
    void isReadyWithItsStore() throws Exception {
        ServiceChecks.assertReadyWithStore(port);
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        ServiceChecks.assertPrometheusMetrics(port);
    }

    @Test
    void answers401WithoutToken() throws Exception {
        ServiceChecks.assertApiNeedsToken(port, "/api/consents");
    }
}
