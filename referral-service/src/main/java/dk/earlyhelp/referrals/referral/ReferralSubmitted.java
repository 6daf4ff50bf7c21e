package dk.earlyhelp.referrals.referral;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * A referral was submitted to an intervention. Published on {@code referral.events}, keyed by the
 * referral id; carries codes and the child's pseudonym only (contract: contracts/events/referral.submitted.v1.*).
 * Free text (the child's view, an override reason) stays in this service; the NGO reads it here.
 */
public record ReferralSubmitted(String referralId, String childId, int childAge, String childGender,
                                String municipalityCode, String interventionCode, List<String> concerns,
                                String urgency, String referrerRole, List<String> overriddenCriteria,
                                Instant occurredAt) {

    public static final String TYPE = "referral.submitted.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("childId", childId);
        data.put("childAge", childAge);
        data.put("childGender", childGender);
        data.put("municipalityCode", municipalityCode);
        data.put("interventionCode", interventionCode);
        data.put("concerns", concerns);
        data.put("urgency", urgency);
        data.put("referrerRole", referrerRole);
        data.put("overriddenCriteria", overriddenCriteria);
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, referralId, occurredAt, data);
    }
}
