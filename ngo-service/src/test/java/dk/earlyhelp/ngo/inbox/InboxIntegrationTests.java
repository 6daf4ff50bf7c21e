package dk.earlyhelp.ngo.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/** The producer's example event, fed through the real broker, reaches the right NGO's inbox once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class InboxIntegrationTests {

    static final String POWERKIDS_COORDINATOR = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final String STROEM_COORDINATOR = TestTokens.ngoCoordinator("coordinator-stroem", "URK_KBH");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    HttpClient http = HttpClient.newHttpClient();

    @Test
    void submittedReferralReachesTheInboxOfTheNgoThatDeliversTheIntervention() throws Exception {
        String referralId = publishExample(UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(POWERKIDS_COORDINATOR).toString().contains(referralId));
        JsonNode item = find(inboxOf(POWERKIDS_COORDINATOR), referralId);
        assertThat(item.get("interventionCode").asText()).isEqualTo("POWERKIDS");
        assertThat(item.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(item.get("childAge").asInt()).isEqualTo(11);
        assertThat(inboxOf(STROEM_COORDINATOR).toString()).doesNotContain(referralId);
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String referralId = publishExample(eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(referralId) != null);
        Object firstReceivedAt = stored(referralId).get("receivedAt");

        publishExample(eventId, referralId);
        String marker = publishExample(UUID.randomUUID().toString());
        // Records of one partition are processed in order: once a later one is in, the repeat was handled.
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(marker) != null);

        Document after = stored(referralId);
        assertThat(after.getList("appliedEvents", String.class)).containsExactly(eventId);
        assertThat(after.get("receivedAt")).isEqualTo(firstReceivedAt);
    }

    @Test
    void municipalStaffCannotReadAnNgoInbox() throws Exception {
        HttpResponse<String> response = get(TestTokens.municipalStaff("teacher", "0751"));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private String publishExample(String eventId) {
        return publishExample(eventId, UUID.randomUUID().toString());
    }

    /** Publishes the producer's own example, with a fresh referral id, on one key so order holds. */
    private String publishExample(String eventId, String referralId) {
        String example = Contracts.example("referral-service", "referral.submitted.v1");
        String data = example.replace(Contracts.parse(example).get("referralId").asText(), referralId);
        EventProbe.publish("referral.events", "ordering-key", Map.of(
                "ce_id", eventId, "ce_type", "referral.submitted.v1", "ce_source", "/referral-service",
                "ce_specversion", "1.0", "ce_time", "2026-11-25T09:30:00Z", "ce_subject", referralId,
                "content-type", "application/json"), data);
        return referralId;
    }

    private Document stored(String referralId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(referralId)), Document.class, "inbox");
    }

    private JsonNode inboxOf(String token) throws Exception {
        HttpResponse<String> response = get(token);
        assertThat(response.statusCode()).isEqualTo(200);
        return Contracts.parse(response.body());
    }

    private HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ngo/inbox"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode find(JsonNode items, String referralId) {
        for (JsonNode item : items) {
            if (item.get("referralId").asText().equals(referralId)) {
                return item;
            }
        }
        throw new AssertionError("No inbox item for " + referralId);
    }
}
