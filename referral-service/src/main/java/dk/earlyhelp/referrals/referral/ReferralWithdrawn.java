package dk.earlyhelp.referrals.referral;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * The referrer withdrew a sent referral. Published on {@code referral.events}, keyed by the
 * referral id; the reason stays in this service (it may describe the child).
 */
public record ReferralWithdrawn(String referralId, String childId, Instant occurredAt) {

    public static final String TYPE = "referral.withdrawn.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("childId", childId);
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, referralId, occurredAt, data);
    }
}
