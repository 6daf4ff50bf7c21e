package dk.earlyhelp.ngo.erasure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * The NGO side erased (made anonymous) what it held about a child under a consent that ended, also
 * when it held nothing ({@code itemsErased} 0): the consent service counts a confirmation per
 * service. Published on {@code ngo.events}, keyed by the child's pseudonym
 * (contract: contracts/events/ngo.erasure-confirmed.v1.*).
 *
 * @param ngoCodes the NGOs whose referrals were made anonymous
 */
record ErasureConfirmed(String consentId, String childId, List<String> ngoCodes, int itemsErased,
                        Instant occurredAt) {

    static final String TYPE = "ngo.erasure-confirmed.v1";
    static final String SERVICE = "ngo-service";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consentId", consentId);
        data.put("childId", childId);
        data.put("service", SERVICE);
        data.put("ngoCodes", ngoCodes);
        data.put("itemsErased", itemsErased);
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, childId, occurredAt, data);
    }
}
