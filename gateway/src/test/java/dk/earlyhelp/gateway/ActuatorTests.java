package dk.earlyhelp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Contracts;

/**
 * From outside only the health status is readable; the services' health, metrics and info need an
 * ADMIN token. (Here the NGO service is down, so the whole is DOWN.)
 */
class ActuatorTests extends RunningGateway {

    @Test
    void anyoneReadsTheHealthStatusAndNothingMore() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);

        assertThat(fieldNames(Contracts.parse(health.body()))).containsExactly("status");
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(Contracts.parse(readiness.body()).toString()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(fieldNames(Contracts.parse(get("/actuator/health", token("laerer.aarhus", "MUNICIPAL_STAFF"))
                .body()))).as("other roles neither").containsExactly("status");
    }

    @Test
    void anAdministratorSeesEachService() throws Exception {
        JsonNode health = Contracts.parse(get("/actuator/health", token("admin", "ADMIN")).body());

        assertThat(health.at("/components/services/components/referral-service/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/services/components/ngo-service/status").asText()).isEqualTo("DOWN");
    }

    @Test
    void metricsInfoAndComponentsNeedAnAdministrator() throws Exception {
        for (String path : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator/health/services",
                "/actuator" }) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(get(path, token("laerer.aarhus", "MUNICIPAL_STAFF")).statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> metrics = get("/actuator/prometheus", token("admin", "ADMIN"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
