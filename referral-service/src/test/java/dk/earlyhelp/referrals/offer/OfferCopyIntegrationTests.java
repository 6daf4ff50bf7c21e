package dk.earlyhelp.referrals.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * The offers copy follows the administrator's changes to the NGO catalogue (ngo-service's
 * {@code ngo.intervention-published.v1}, its example file, through the real broker): a new offer
 * appears where its partnership is, a partnership's new model and sharing policy replace the old,
 * and an older publication never overwrites a newer one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfferCopyIntegrationTests {

    /** Frederiksberg: no other test publishes offers there. */
    static final String TEACHER_FREDERIKSBERG = TestTokens.municipalStaff("teacher-frederiksberg", "0147");

    @LocalServerPort
    int port;

    @Autowired
    OfferCatalogue offers;

    @Test
    void aPartnershipsNewModelAndPolicyReplaceTheOldInTheCopy() throws Exception {
        Api api = new Api(port);
        String code = "OFFER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant published = Instant.parse("2026-11-25T10:00:00Z");

        publish(code, published, "B2_PARTNERSHIP_DELIVERY", "PROGRESS_WITH_CONSENT");
        JsonNode offer = await(api, code, "B2_PARTNERSHIP_DELIVERY");
        assertThat(offer.get("staircaseStep").asInt()).isEqualTo(1);
        assertThat(offer.get("ngoName").asText()).isEqualTo("Ungdommens Røde Kors Aarhus");
        assertThat(offers.sharesProgress(code, "0147")).isTrue();

        publish(code, published.plusSeconds(60), "A_FUNCTIONAL_SPLIT", "AGGREGATES_ONLY");
        await(api, code, "A_FUNCTIONAL_SPLIT");
        assertThat(offers.sharesProgress(code, "0147")).as("the partnership shares aggregates only now").isFalse();

        // A redelivered older publication changes nothing.
        publish(code, published.plusSeconds(30), "B3_PARTNERSHIP_FULL", "PROGRESS_WITH_CONSENT");
        publish(code + "_MARK", published, "B3_PARTNERSHIP_FULL", "PROGRESS_WITH_CONSENT");
        await(api, code + "_MARK", "B3_PARTNERSHIP_FULL");
        assertThat(find(api, code).get("model").asText()).isEqualTo("A_FUNCTIONAL_SPLIT");
        assertThat(offers.sharesProgress(code, "0147")).isFalse();
    }

    /** The producer's example, as an offer of Frederiksberg's with the given terms. */
    private static void publish(String code, Instant at, String model, String sharing) {
        ObjectNode data = (ObjectNode) Contracts.parse(Contracts.example("ngo-service", "ngo.intervention-published.v1"));
        data.put("interventionCode", code);
        data.putArray("municipalities").add("0147");
        data.put("model", model);
        data.putObject("models").put("0147", model);
        data.putObject("progressSharing").put("0147", sharing);
        data.put("occurredAt", at.toString());
        Contracts.assertMatchesSchema("ngo-service", "ngo.intervention-published.v1", data.toString());
        EventProbe.publishEvent("ngo.events", "ngo.intervention-published.v1", UUID.randomUUID().toString(), code,
                data.toString());
    }

    private static JsonNode await(Api api, String code, String model) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> find(api, code),
                offer -> offer != null && model.equals(offer.get("model").asText()));
    }

    private static JsonNode find(Api api, String code) throws Exception {
        for (JsonNode offer : Api.body(api.get("/api/referrals/offers", TEACHER_FREDERIKSBERG), 200)) {
            if (offer.get("code").asText().equals(code)) {
                return offer;
            }
        }
        return null;
    }
}
