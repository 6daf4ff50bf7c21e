package dk.earlyhelp.referrals.referral;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * A sent referral waits for consent: the consent service is asked, through the broker, whether a
 * consent it already holds covers it. The question waits on the topic while the consent service
 * is down, so a referral held for lack of an answer goes on by itself once it is back (its answer
 * is a {@code consent.confirmed.v1}). Published on {@code referral.events}, keyed by the referral id;
 * codes and ids only.
 */
public record ReferralAwaitingConsent(String referralId, String childId, String municipalityCode, String ngoCode,
                                      String interventionCode, String purpose, List<String> categories,
                                      Instant occurredAt) {

    public static final String TYPE = "referral.awaiting-consent.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("childId", childId);
        data.put("municipalityCode", municipalityCode);
        data.put("ngoCode", ngoCode);
        data.put("interventionCode", interventionCode);
        data.put("purpose", purpose);
        data.put("categories", categories);
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, referralId, occurredAt, data);
    }
}
