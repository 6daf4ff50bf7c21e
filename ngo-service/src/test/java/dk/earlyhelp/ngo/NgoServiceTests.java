package dk.earlyhelp.ngo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.earlyhelp.platform.test.ServiceChecks;

/** The service reports ready with its store and exposes metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class NgoServiceTests {

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
}
