package dk.earlyhelp.referrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * A sent referral moved on in its lifecycle because of the NGO's news (received, accepted,
 * waitlisted with an expected start, declined with a reason code and a suggested offer), or
 * because the custody holders' consent came, was refused or was withdrawn ({@code consent}). Published
 * on {@code referral.events}, keyed by the referral id; codes and the child's pseudonym only. This
 * service listens to it too, to notify the referrer.
 */
public record ReferralUpdated(String referralId, String childId, String municipalityCode, String interventionCode,
                              ReferralStatus status, String reason, String suggestedInterventionCode,
                              LocalDate expectedStart, ConsentState consent, Instant occurredAt) {

    public static final String TYPE = "referral.updated.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("childId", childId);
        data.put("municipalityCode", municipalityCode);
        data.put("interventionCode", interventionCode);
        data.put("status", status.name());
        putIfGiven(data, "reason", reason);
        putIfGiven(data, "suggestedInterventionCode", suggestedInterventionCode);
        putIfGiven(data, "expectedStart", expectedStart == null ? null : expectedStart.toString());
        putIfGiven(data, "consent", consent == null ? null : consent.name());
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, referralId, occurredAt, data);
    }

    private static void putIfGiven(Map<String, Object> data, String field, String value) {
        if (value != null) {
            data.put(field, value);
        }
    }
}
