package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * A referral reached the inbox of the NGO that delivers the intervention. Published on
 * {@code ngo.events}, keyed by the referral id (contract: contracts/events/ngo.referral-received.v1.*).
 */
public record ReferralReceived(String referralId, String ngoCode, String interventionCode, Instant occurredAt) {

    public static final String TYPE = "ngo.referral-received.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("ngoCode", ngoCode);
        data.put("interventionCode", interventionCode);
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, referralId, occurredAt, data);
    }
}
