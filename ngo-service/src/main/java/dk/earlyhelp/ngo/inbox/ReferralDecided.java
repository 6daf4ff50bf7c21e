package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * The NGO accepted, waitlisted or declined a referral. Published on {@code ngo.events}, keyed by
 * the referral id; codes and dates only (contract: contracts/events/ngo.referral-decided.v1.*).
 */
public record ReferralDecided(String referralId, Decision.Outcome decision, Decision.DeclineReason reason,
                              String suggestedInterventionCode, LocalDate expectedStart, Instant occurredAt) {

    public static final String TYPE = "ngo.referral-decided.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("decision", decision.name());
        if (reason != null) {
            data.put("reason", reason.name());
        }
        if (suggestedInterventionCode != null) {
            data.put("suggestedInterventionCode", suggestedInterventionCode);
        }
        if (expectedStart != null) {
            data.put("expectedStart", expectedStart.toString());
        }
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, referralId, occurredAt, data);
    }
}
