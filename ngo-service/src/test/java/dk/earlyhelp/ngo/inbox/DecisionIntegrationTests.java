package dk.earlyhelp.ngo.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * The NGO's side of the closed loop on the real broker and store: a referral that arrives is
 * announced as received, the coordinator's decision is published, withdrawal takes it out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class DecisionIntegrationTests {

    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final String STROEM = TestTokens.ngoCoordinator("coordinator-stroem", "URK_KBH");
    static EventProbe ngoEvents;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void listen() {
        ngoEvents = EventProbe.on("ngo.events");
    }

    @AfterAll
    static void stopListening() {
        ngoEvents.close();
    }

    @Test
    void announcesEachArrivalOnceAsReceived() throws Exception {
        String referralId = arrive();

        ConsumerRecord<byte[], byte[]> received = ngoEvents.await(record -> is(record, referralId, "ngo.referral-received.v1"));

        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-received.v1", EventProbe.value(received));
        assertThat(Contracts.parse(EventProbe.value(received)).get("ngoCode").asText()).isEqualTo("URK_AAR");
    }

    @Test
    void coordinatorDeclinesWithAReasonAndABetterOfferAndTheDecisionIsPublished() throws Exception {
        String referralId = arrive();

        HttpResponse<String> declined = decide(POWERKIDS, referralId, """
                {"decision": "DECLINED", "reason": "OUTSIDE_TARGET_GROUP",
                 "explanation": "Barnets situation handler om en forælders psykiske sygdom",
                 "suggestedInterventionCode": "SAMTALEGRUPPER"}""");

        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(Contracts.parse(declined.body()).get("status").asText()).isEqualTo("DECLINED");
        ConsumerRecord<byte[], byte[]> event = ngoEvents.await(record -> is(record, referralId, "ngo.referral-decided.v1"));
        String data = EventProbe.value(event);
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-decided.v1", data);
        assertThat(data).contains("SAMTALEGRUPPER").doesNotContain("psykiske");

        HttpResponse<String> again = decide(POWERKIDS, referralId, "{\"decision\": \"ACCEPTED\"}");
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void aDeclineWithoutReasonAndAWaitlistWithoutStartAreRefusedNamingTheField() throws Exception {
        String referralId = arrive();

        HttpResponse<String> noReason = decide(POWERKIDS, referralId, "{\"decision\": \"DECLINED\"}");
        HttpResponse<String> noStart = decide(POWERKIDS, referralId, "{\"decision\": \"WAITLISTED\"}");

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(noStart.statusCode()).isEqualTo(400);
        assertThat(noStart.body()).contains("\"field\":\"expectedStart\"");
        assertThat(status(referralId)).isEqualTo("RECEIVED");
    }

    @Test
    void anotherNgosReferralAnswersLikeAMissingOne() throws Exception {
        String referralId = arrive();

        assertThat(decide(STROEM, referralId, "{\"decision\": \"ACCEPTED\"}").statusCode()).isEqualTo(404);
        assertThat(decide(TestTokens.municipalStaff("teacher", "0751"), referralId, "{\"decision\": \"ACCEPTED\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void waitlistedThenAcceptedWithAnExpectedStart() throws Exception {
        String referralId = arrive();

        assertThat(decide(POWERKIDS, referralId, "{\"decision\": \"WAITLISTED\", \"expectedStart\": \"2027-01-11\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = decide(POWERKIDS, referralId, "{\"decision\": \"ACCEPTED\"}");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(status(referralId)).isEqualTo("ACCEPTED");
    }

    @Test
    void aWithdrawnReferralLeavesTheInbox() throws Exception {
        String referralId = arrive();
        String example = Contracts.example("referral-service", "referral.withdrawn.v1");

        EventProbe.publishEvent("referral.events", "referral.withdrawn.v1", UUID.randomUUID().toString(), referralId,
                example.replace(Contracts.parse(example).get("referralId").asText(), referralId));

        await().atMost(Duration.ofSeconds(30)).until(() -> !inbox(POWERKIDS).contains(referralId));
        assertThat(decide(POWERKIDS, referralId, "{\"decision\": \"ACCEPTED\"}").statusCode()).isEqualTo(409);
    }

    /** A new referral to Powerkids, from the referral service's own example, in the inbox. */
    private String arrive() {
        String referralId = UUID.randomUUID().toString();
        String example = Contracts.example("referral-service", "referral.submitted.v1");
        EventProbe.publishEvent("referral.events", "referral.submitted.v1", UUID.randomUUID().toString(), referralId,
                example.replace(Contracts.parse(example).get("referralId").asText(), referralId));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(POWERKIDS).contains(referralId));
        return referralId;
    }


    private String status(String referralId) throws Exception {
        for (JsonNode item : Contracts.parse(inbox(POWERKIDS))) {
            if (item.get("referralId").asText().equals(referralId)) {
                return item.get("status").asText();
            }
        }
        return null;
    }

    private String inbox(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ngo/inbox"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> decide(String token, String referralId, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ngo/inbox/" + referralId
                        + "/decision"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean is(ConsumerRecord<byte[], byte[]> record, String referralId, String type) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(referralId)
                && type.equals(EventProbe.header(record, CloudEventHeaders.TYPE));
    }
}
