package dk.earlyhelp.ngo;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;

/** Referrals for the NGO side's tests, made from the referral service's own example events and fed through the broker. */
public final class Referrals {

    private Referrals() {
    }

    /** A referral in the inbox: its id and the child's pseudonym. */
    public record Arrived(String referralId, String childId) {
    }

    /** A new referral to the intervention, for a child of that age and urgency, once it is in the coordinator's inbox. */
    public static Arrived arrive(Api api, String coordinator, String interventionCode, int childAge, String urgency) {
        String referralId = UUID.randomUUID().toString();
        String childId = UUID.randomUUID().toString();
        ObjectNode data = (ObjectNode) Contracts.parse(Contracts.example("referral-service", "referral.submitted.v1"));
        data.put("referralId", referralId).put("childId", childId).put("interventionCode", interventionCode)
                .put("childAge", childAge).put("urgency", urgency);
        EventProbe.publishEvent("referral.events", "referral.submitted.v1", UUID.randomUUID().toString(), referralId,
                data.toString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/ngo/inbox", coordinator).body().contains(referralId));
        return new Arrived(referralId, childId);
    }

    /** The coordinator's decision, e.g. {@code {"decision": "ACCEPTED"}}; must succeed. */
    public static void decide(Api api, String coordinator, String referralId, String decision) throws Exception {
        Api.body(api.post("/api/ngo/inbox/" + referralId + "/decision", coordinator, decision), 200);
    }

    /**
     * The custody holder withdraws an active consent naming the NGO (the consent service's example
     * event); returns once the referral in the coordinator's inbox is anonymous.
     */
    public static void withdrawConsent(Api api, String coordinator, Arrived child, String ngoCode) {
        ObjectNode data = (ObjectNode) Contracts.parse(Contracts.example("consent-service", "consent.withdrawn.v1"));
        data.put("consentId", UUID.randomUUID().toString()).put("childId", child.childId());
        if (data.has("referralId")) {
            data.put("referralId", child.referralId());
        }
        data.putArray("grantees").add(ngoCode);
        if (data.has("wasActive")) {
            data.put("wasActive", true);
        }
        EventProbe.publishEvent("consent.events", "consent.withdrawn.v1", UUID.randomUUID().toString(),
                child.childId(), data.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode item : Api.body(api.get("/api/ngo/inbox", coordinator), 200)) {
                if (item.get("referralId").asText().equals(child.referralId())) {
                    return item.has("consentWithdrawnAt");
                }
            }
            return false;
        });
    }

    /** The coordinator matches the waiting child with the person and records the family's yes; must succeed. */
    public static void matchAccepted(Api api, String coordinator, String referralId, String volunteerId)
            throws Exception {
        Api.body(api.post("/api/ngo/inbox/" + referralId + "/match", coordinator,
                "{\"volunteerId\": \"" + volunteerId + "\"}"), 200);
        Api.body(api.post("/api/ngo/inbox/" + referralId + "/family-answer", coordinator, """
                {"volunteerId": "%s", "answer": "ACCEPTED", "answeredBy": "BOTH"}""".formatted(volunteerId)), 200);
    }

    /** The referrer withdraws the referral (the referral service's example event). */
    public static void withdraw(String referralId) {
        ObjectNode data = (ObjectNode) Contracts.parse(Contracts.example("referral-service", "referral.withdrawn.v1"));
        data.put("referralId", referralId);
        EventProbe.publishEvent("referral.events", "referral.withdrawn.v1", UUID.randomUUID().toString(), referralId,
                data.toString());
    }

}
