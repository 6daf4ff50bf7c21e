package dk.earlyhelp.ngo.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/** Live availability on the real broker and store: published at start, moved by decisions, quiet when unchanged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class AvailabilityIntegrationTests {

    static final String POWERKIDS_COORDINATOR = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static EventProbe ngoEvents;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AvailabilityManagement availability;

    Api api;

    @BeforeAll
    static void listen() {
        ngoEvents = EventProbe.on("ngo.events");
    }

    @AfterAll
    static void stopListening() {
        ngoEvents.close();
    }

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void theAvailabilityOfEveryInterventionIsPublishedAtStartAndShownWithTheCatalogue() throws Exception {
        for (String code : List.of("CYKELHJELM", "KLUB_MOVE", "MENTORNETVAERKET", "POWERKIDS", "EMPOWR",
                "SAMTALEGRUPPER", "STROEM", "NEFOS_SUICIDE")) {
            String data = EventProbe.value(ngoEvents.await(record -> isAvailabilityOf(record, code)));
            Contracts.assertMatchesSchema("ngo-service", AvailabilityChanged.TYPE, data);
        }

        JsonNode offers = Api.body(api.get("/api/ngo/interventions", TestTokens.municipalStaff("teacher", "0751")), 200);
        assertThat(offers.findValuesAsText("code")).as("the demo catalogue's, and any the administrator added")
                .contains("CYKELHJELM", "KLUB_MOVE", "MENTORNETVAERKET", "POWERKIDS", "EMPOWR", "SAMTALEGRUPPER",
                        "STROEM", "NEFOS_SUICIDE");
        for (JsonNode offer : offers) {
            if (offer.get("code").asText().equals("POWERKIDS")) {
                assertThat(offer.at("/availability/places").asInt()).as("3 groups of 8").isEqualTo(24);
                assertThat(offer.at("/availability/expectedStart").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void acceptingAReferralTakesAFreePlaceAndThatIsPublished() throws Exception {
        String referralId = arrive();
        Document before = mongo.findById("POWERKIDS", Document.class, "availability");
        int occupied = before.getInteger("occupied") + 1;
        int freePlaces = before.getInteger("freePlaces") - 1;

        Api.body(api.post("/api/ngo/inbox/" + referralId + "/decision", POWERKIDS_COORDINATOR,
                "{\"decision\": \"ACCEPTED\"}"), 200);

        ConsumerRecord<byte[], byte[]> changed = ngoEvents.await(record -> isAvailabilityOf(record, "POWERKIDS")
                && Contracts.parse(EventProbe.value(record)).get("occupied").asInt() == occupied
                && Contracts.parse(EventProbe.value(record)).get("freePlaces").asInt() == freePlaces);
        String data = EventProbe.value(changed);
        Contracts.assertMatchesSchema("ngo-service", AvailabilityChanged.TYPE, data);
        assertThat(data).doesNotContain(referralId);
    }

    @Test
    void aRepeatRefreshWithNothingChangedRecordsNoEvent() {
        availability.refreshAll();
        List<Document> before = figures();

        assertThat(availability.refreshAll()).isZero();
        assertThat(figures()).isEqualTo(before);
    }

    /** Every availability document without its outbox, which the relay empties meanwhile. */
    private List<Document> figures() {
        List<Document> documents = mongo.findAll(Document.class, "availability");
        documents.forEach(document -> document.remove("pendingEvents"));
        return documents;
    }

    /** A new referral to Powerkids, from the referral service's own example, in the inbox. */
    private String arrive() {
        String referralId = UUID.randomUUID().toString();
        String example = Contracts.example("referral-service", "referral.submitted.v1");
        EventProbe.publishEvent("referral.events", "referral.submitted.v1", UUID.randomUUID().toString(), referralId,
                example.replace(Contracts.parse(example).get("referralId").asText(), referralId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/ngo/inbox", POWERKIDS_COORDINATOR).body().contains(referralId));
        return referralId;
    }

    private static boolean isAvailabilityOf(ConsumerRecord<byte[], byte[]> record, String code) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(code)
                && AvailabilityChanged.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE));
    }
}
