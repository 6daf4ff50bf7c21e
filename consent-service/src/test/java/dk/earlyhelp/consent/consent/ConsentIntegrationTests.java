package dk.earlyhelp.consent.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/** The consent rules of CONSENT.md on the real store and broker: default deny, all grantors, specific or nothing, withdrawal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentIntegrationTests {

    static final String CASEWORKER = TestTokens.municipalStaff("caseworker-aarhus", "0751");
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final String STROEM = TestTokens.ngoCoordinator("coordinator-stroem", "URK_KBH");
    static EventProbe consentEvents;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }


    @BeforeAll
    static void listen() {
        consentEvents = EventProbe.on("consent.events");
    }

    @AfterAll
    static void stopListening() {
        consentEvents.close();
    }

    @Test
    void grantsNothingUntilEveryCustodyHolderHasConsentedThenOnlyWhatItNames() throws Exception {
        String child = UUID.randomUUID().toString();
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, 2)), 201).get("id").asText();

        Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER, grantor("CUSTODY_HOLDER")), 200);
        assertThat(decision(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT")).as("one of two parents").isFalse();

        JsonNode active = Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER, grantor("CUSTODY_HOLDER")), 200);
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");

        assertThat(decision(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT,CONCERNS")).isTrue();
        assertThat(decision(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT,CPR")).as("a category not named").isFalse();
        assertThat(decision(POWERKIDS, child, "RESEARCH", "CONTACT")).as("a purpose not named").isFalse();
        assertThat(decision(STROEM, child, "REFERRAL_AND_DELIVERY", "CONTACT")).as("an NGO not named").isFalse();

        ConsumerRecord<byte[], byte[]> granted = consentEvents.await(record -> key(record).equals(child)
                && "consent.granted.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("consent-service", "consent.granted.v1", EventProbe.value(granted));
    }

    @Test
    void withdrawalDeniesAtOnceAndTellsEveryService() throws Exception {
        String child = UUID.randomUUID().toString();
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, 1)), 201).get("id").asText();
        Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER, grantor("CUSTODY_HOLDER")), 200);
        assertThat(decision(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT")).isTrue();

        Api.body(api.post("/api/consents/" + id + "/withdraw", CASEWORKER, ""), 200);

        assertThat(decision(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT")).isFalse();
        ConsumerRecord<byte[], byte[]> withdrawn = consentEvents.await(record -> key(record).equals(child)
                && "consent.withdrawn.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("consent-service", "consent.withdrawn.v1", EventProbe.value(withdrawn));
        assertThat(api.post("/api/consents/" + id + "/withdraw", CASEWORKER, "").statusCode()).isEqualTo(409);
    }

    @Test
    void aConsentThatIsNotSpecificIsRejected() throws Exception {
        HttpResponse<String> noPurpose = api.post("/api/consents", CASEWORKER,
                consent(UUID.randomUUID().toString(), 1).replace("\"purposes\": [\"REFERRAL_AND_DELIVERY\", \"PROGRESS_TO_REFERRER\"],", ""));
        HttpResponse<String> tooLong = api.post("/api/consents", CASEWORKER, consent(UUID.randomUUID().toString(), 1)
                .replace(LocalDate.now().plusMonths(6).toString(), LocalDate.now().plusMonths(13).toString()));

        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(noPurpose.body()).get("type").asText()).endsWith("/consent-not-specific");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(tooLong.body()).get("type").asText()).endsWith("/consent-not-specific");
    }

    @Test
    void anotherMunicipalitysConsentAnswersLikeAMissingOne() throws Exception {
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(UUID.randomUUID().toString(), 1)), 201)
                .get("id").asText();

        assertThat(api.get("/api/consents/" + id, TestTokens.municipalStaff("caseworker-cph", "0101")).statusCode())
                .isEqualTo(404);
        assertThat(api.post("/api/consents", POWERKIDS, consent(UUID.randomUUID().toString(), 1)).statusCode())
                .as("an NGO cannot record consents").isEqualTo(403);
    }

    private boolean decision(String token, String child, String purpose, String categories) throws Exception {
        return Api.body(api.get("/api/consents/decision?childId=" + child + "&purpose=" + purpose + "&categories=" + categories,
                token), 200).get("permitted").asBoolean();
    }

    static String consent(String childId, int custodyHolders) {
        return """
                {"childId": "%s", "grantees": ["URK_AAR"], "interventionCode": "POWERKIDS",
                 "purposes": ["REFERRAL_AND_DELIVERY", "PROGRESS_TO_REFERRER"],
                 "categories": ["CONTACT", "CONCERNS", "CHILD_VIEW"],
                 "validFrom": "%s", "validUntil": "%s",
                 "custodyHoldersRequired": %d, "youngPersonRequired": false, "textVersion": "da-2026-1"}
                """.formatted(childId, LocalDate.now(), LocalDate.now().plusMonths(6), custodyHolders);
    }

    static String grantor(String role) {
        return "{\"role\": \"" + role + "\", \"method\": \"SIGNED_PAPER\"}";
    }




    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }
}
