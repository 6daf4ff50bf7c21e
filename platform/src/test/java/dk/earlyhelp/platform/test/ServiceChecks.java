package dk.earlyhelp.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks every service must pass: readiness covers the store, metrics are scraped, APIs need a token. */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    public static void assertReadyWithStore(int port) throws Exception {
        HttpResponse<String> readiness = get(port, "/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode health = Contracts.parse(readiness.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asText()).isEqualTo("UP");
    }

    public static void assertPrometheusMetrics(int port) throws Exception {
        HttpResponse<String> metrics = get(port, "/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    public static void assertApiNeedsToken(int port, String apiPath) throws Exception {
        HttpResponse<String> anonymous = get(port, apiPath, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    public static HttpResponse<String> get(int port, String path, String token) throws Exception {
        return new Api(port).get(path, token);
    }
}
