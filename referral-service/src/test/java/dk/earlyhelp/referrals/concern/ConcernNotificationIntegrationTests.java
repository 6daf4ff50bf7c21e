package dk.earlyhelp.referrals.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.consent.TestConsents;
import dk.earlyhelp.referrals.offer.TestCatalogue;

/**
 * CONSENT.md rule 8 on the real store, broker and HTTP: a notification of concern reaches the
 * child's municipality even after the consent was withdrawn, only the municipality reads it, every
 * reading is audited, and nobody can change or delete it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcernNotificationIntegrationTests {

    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-concern", "URK_AAR");
    static EventProbe referralEvents;

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    Api api;

    @BeforeAll
    static void listen() {
        referralEvents = EventProbe.on("referral.events");
    }

    @AfterAll
    static void stopListening() {
        referralEvents.close();
    }

    @BeforeEach
    void catalogue() {
        api = new Api(port);
        TestCatalogue.publish(api);
    }

    @Test
    void aConcernReachesTheMunicipalityAfterTheConsentWasWithdrawnAndOnlyItReadsIt() throws Exception {
        String teacher = TestTokens.municipalStaff("teacher-" + UUID.randomUUID(), "0751");
        JsonNode referral = Api.body(api.post("/api/referrals", teacher, referral()), 201);
        String id = referral.get("id").asText();
        String consent = TestConsents.grant(api, teacher, referral, "URK_AAR", "CONCERNS");
        TestConsents.end(referral, consent, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> "WITHDRAWN".equals(
                Api.body(api.get("/api/referrals/" + id, teacher), 200).get("consentState").asText()));

        HttpResponse<String> raised = api.post("/api/referrals/" + id + "/concern-notifications", POWERKIDS,
                "{\"description\": \"Alma fortalte, at hun ofte er alene hjemme om natten\", \"urgent\": true}");

        assertThat(raised.statusCode()).as("no consent is asked").isEqualTo(201);
        assertThat(raised.body()).as("a receipt only").doesNotContain("alene hjemme");
        ConsumerRecord<byte[], byte[]> event = referralEvents.await(record -> key(record).equals(id)
                && ConcernNotification.RECEIVED.equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("referral-service", ConcernNotification.RECEIVED, EventProbe.value(event));
        assertThat(EventProbe.value(event)).doesNotContain("alene hjemme", "Alma");

        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.stream.StreamSupport.stream(Api.body(
                api.get("/api/referrals/notifications", teacher), 200).get("items").spliterator(), false)
                .anyMatch(item -> item.get("status").asText().equals("CONCERN_RECEIVED")));
        JsonNode forReferrer = Api.body(api.get("/api/referrals/" + id + "/concern-notifications", teacher), 200);
        assertThat(forReferrer).singleElement().satisfies(notification -> {
            assertThat(notification.get("description").asText()).contains("alene hjemme");
            assertThat(notification.get("urgent").asBoolean()).isTrue();
            assertThat(notification.get("ngoCode").asText()).isEqualTo("URK_AAR");
        });
        String caseworker = staff("caseworker-aarhus", "0751", "CASEWORKER");
        assertThat(Api.body(api.get("/api/referrals/concern-notifications", caseworker), 200))
                .extracting(notification -> notification.get("referralId").asText()).contains(id);
        assertThat(Api.body(api.get("/api/referrals/concern-notifications", staff("teacher-other", "0751", "TEACHER")),
                200)).as("another teacher of the municipality").isEmpty();
        assertThat(Api.body(api.get("/api/referrals/concern-notifications", staff("caseworker-cph", "0101",
                "CASEWORKER")), 200)).as("another municipality").isEmpty();
        assertThat(api.get("/api/referrals/" + id + "/concern-notifications", POWERKIDS).statusCode())
                .as("the NGO cannot read it back").isEqualTo(403);
        assertThat(send("DELETE", "/api/referrals/" + id + "/concern-notifications", POWERKIDS).statusCode())
                .as("nobody deletes it").isEqualTo(405);
        assertThat(send("PUT", "/api/referrals/" + id + "/concern-notifications", POWERKIDS).statusCode())
                .as("nobody changes it").isEqualTo(405);

        List<AuditRecord> trail = audit.about(referral.at("/child/id").asText());
        assertThat(trail).filteredOn(record -> record.resourceType().equals("concern-notification"))
                .extracting(AuditRecord::action, AuditRecord::organisation)
                .contains(org.assertj.core.groups.Tuple.tuple("CREATE", "URK_AAR"),
                        org.assertj.core.groups.Tuple.tuple("READ", "0751"));
    }

    @Test
    void onlyTheDeliveringNgoRaisesOneAboutAReferralItReceivedAndBadInputChangesNothing() throws Exception {
        String teacher = TestTokens.municipalStaff("teacher-" + UUID.randomUUID(), "0751");
        JsonNode held = Api.body(api.post("/api/referrals", teacher, referral()), 201);
        String id = held.get("id").asText();
        String body = "{\"description\": \"Bekymring\", \"urgent\": false}";

        assertThat(api.post("/api/referrals/" + id + "/concern-notifications", POWERKIDS, body).statusCode())
                .as("not received by the NGO yet: waiting for consent").isEqualTo(404);
        TestConsents.grant(api, teacher, held, "URK_AAR", "CONCERNS");
        assertThat(api.post("/api/referrals/" + id + "/concern-notifications",
                TestTokens.ngoCoordinator("other", "URK_KBH"), body).statusCode()).as("another NGO").isEqualTo(404);
        assertThat(api.post("/api/referrals/" + id + "/concern-notifications", teacher, body).statusCode())
                .as("municipal staff do not notify themselves here").isEqualTo(403);

        HttpResponse<String> blank = api.post("/api/referrals/" + id + "/concern-notifications", POWERKIDS,
                "{\"description\": \" \", \"urgent\": false}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(blank.body()).at("/errors/0/field").asText()).isEqualTo("description");
        assertThat(api.post("/api/referrals/" + id + "/concern-notifications", POWERKIDS,
                "{\"description\": \"" + "x".repeat(4001) + "\", \"urgent\": false}").statusCode()).isEqualTo(400);
        assertThat(api.post("/api/referrals/" + id + "/concern-notifications", POWERKIDS,
                "{\"description\": \"Bekymring\"}").statusCode()).as("urgent must be said").isEqualTo(400);
        assertThat(Api.body(api.get("/api/referrals/" + id + "/concern-notifications", teacher), 200)).isEmpty();
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String staff(String subject, String municipality, String staffRole) {
        return TestTokens.issue(subject, Map.of("roles", List.of("MUNICIPAL_STAFF"), "org_type", "MUNICIPALITY",
                "org", municipality, "staff_role", staffRole));
    }

    private static String referral() {
        return """
                {"child": {"firstName": "Alma", "lastName": "Jensen", "birthDate": "2015-03-14", "gender": "GIRL"},
                 "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                 "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"], "confirmDuplicate": true,
                 "childView": {"whatIsHard": "Skilsmissen", "wishes": "At tale med andre"}}""";
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }
}
