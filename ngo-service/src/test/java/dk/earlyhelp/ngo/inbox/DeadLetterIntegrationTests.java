package dk.earlyhelp.ngo.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/** A message the inbox cannot read goes to the dead-letter topic, the ones after it go on, and it can be replayed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class DeadLetterIntegrationTests {

    static final String ADMIN = TestTokens.issue("admin", Map.of("roles", List.of("ADMIN"), "org_type", "PLATFORM",
            "org", "PLATFORM"));

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void aPoisonMessageIsDeadLetteredWhileLaterOnesAreProcessedAndCanBeReplayed() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        EventProbe.publish("referral.events", "poison-key", Map.of("ce_id", poisonId, "ce_type", "referral.submitted.v1",
                "ce_source", "/referral-service", "ce_specversion", "1.0"), "{not json");
        String fine = UUID.randomUUID().toString();
        String example = Contracts.example("referral-service", "referral.submitted.v1");
        EventProbe.publish("referral.events", "poison-key", Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", "referral.submitted.v1", "ce_source", "/referral-service", "ce_specversion", "1.0"),
                example.replace(Contracts.parse(example).get("referralId").asText(), fine));

        String coordinator = TestTokens.ngoCoordinator("coordinator", "URK_AAR");
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/ngo/inbox", coordinator).body().contains(fine));
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> find(poisonId), found -> found != null);

        assertThat(letter.get("originalTopic").asText()).isEqualTo("referral.events");
        assertThat(letter.get("type").asText()).isEqualTo("referral.submitted.v1");
        assertThat(letter.toString()).doesNotContain("not json");
        assertThat(api.get("/actuator/prometheus", null).body()).contains("earlyhelp_dead_letters");
        assertThat(api.get("/api/ngo/dead-letters", coordinator).statusCode()).isEqualTo(403);

        long before = count(poisonId);
        Api.body(api.post("/api/ngo/dead-letters/" + letter.get("topic").asText() + "/"
                + letter.get("partition").asInt() + "/" + letter.get("offset").asLong() + "/replay", ADMIN, ""), 200);
        // Still unreadable, it comes back to the dead-letter topic with the same id: the replay went round.
        await().atMost(Duration.ofSeconds(60)).until(() -> count(poisonId) == before + 1);
    }

    private JsonNode find(String eventId) throws Exception {
        for (JsonNode letter : Api.body(api.get("/api/ngo/dead-letters", ADMIN), 200)) {
            if (eventId.equals(letter.path("eventId").asText())) {
                return letter;
            }
        }
        return null;
    }

    private long count(String eventId) throws Exception {
        long count = 0;
        for (JsonNode letter : Api.body(api.get("/api/ngo/dead-letters", ADMIN), 200)) {
            if (eventId.equals(letter.path("eventId").asText())) {
                count++;
            }
        }
        return count;
    }
}
