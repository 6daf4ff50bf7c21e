package dk.earlyhelp.referrals.consent;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;

/**
 * The consent service's events about a referral's child, as it publishes them when every custody
 * holder has consented or a consent ends; each payload is checked against its contract first.
 */
public final class TestConsents {

    private TestConsents() {
    }

    /**
     * Announces an active consent naming the NGO for referral and delivery with the given
     * categories, and waits until the referral has gone to the NGO.
     *
     * @return the consent's id
     */
    public static String grant(Api api, String token, JsonNode referral, String ngoCode, String... categories) {
        String consentId = UUID.randomUUID().toString();
        String data = """
                {"consentId": "%s", "childId": "%s", "municipalityCode": "%s", "grantees": ["%s"],
                 "referralId": "%s", "purposes": ["PROGRESS_TO_REFERRER", "REFERRAL_AND_DELIVERY"],
                 "categories": [%s], "validUntil": "2027-10-31", "occurredAt": "%s"}"""
                .formatted(consentId, referral.at("/child/id").asText(), municipality(referral), ngoCode,
                        referral.get("id").asText(), quoted(categories), Instant.now());
        publish("consent.granted.v1", referral, data);
        String id = referral.get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> "GIVEN".equals(
                Api.body(api.get("/api/referrals/" + id, token), 200).path("consentState").asText()));
        return consentId;
    }

    /** Announces that a consent ended: refused by a custody holder, or withdrawn. */
    public static void end(JsonNode referral, String consentId, boolean refused) {
        String data = """
                {"consentId": "%s", "childId": "%s", "municipalityCode": "%s", "grantees": ["URK_AAR"],
                 "referralId": "%s", "purposes": ["REFERRAL_AND_DELIVERY"], "categories": ["CONCERNS"],
                 "validUntil": "2027-10-31", "wasActive": %s, "refused": %s, "occurredAt": "%s"}"""
                .formatted(consentId, referral.at("/child/id").asText(), municipality(referral),
                        referral.get("id").asText(), !refused, refused, Instant.now());
        publish("consent.withdrawn.v1", referral, data);
    }

    private static void publish(String type, JsonNode referral, String data) {
        Contracts.assertMatchesSchema("consent-service", type, data);
        EventProbe.publishEvent("consent.events", type, UUID.randomUUID().toString(),
                referral.at("/child/id").asText(), data);
    }

    private static String municipality(JsonNode referral) {
        return referral.get("municipalityCode").asText();
    }

    private static String quoted(String... categories) {
        return String.join(", ", java.util.Arrays.stream(categories).map(c -> "\"" + c + "\"").toList());
    }
}
