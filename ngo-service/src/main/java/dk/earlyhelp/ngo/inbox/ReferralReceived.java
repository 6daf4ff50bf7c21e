package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * A child reached the inbox of the NGO that delivers the intervention: referred by a municipality,
 * or registered by the NGO itself ({@code source}). Published on {@code ngo.events}, keyed by the
 * referral id (contract: contracts/events/ngo.referral-received.v1.*). Codes and the child's pseudonym
 * only, nothing about the child: the consent service needs the pseudonym of a registered child to let
 * only the registering NGO record its consent, and measurement to enrol it.
 */
public record ReferralReceived(String referralId, String childId, String ngoCode, String interventionCode,
                               String municipalityCode, ReferralSource source, Instant occurredAt) {

    public static final String TYPE = "ngo.referral-received.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("childId", childId);
        data.put("ngoCode", ngoCode);
        data.put("interventionCode", interventionCode);
        data.put("municipalityCode", municipalityCode);
        data.put("source", source.name());
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, referralId, occurredAt, data);
    }
}
