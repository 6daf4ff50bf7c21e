package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;
import dk.earlyhelp.platform.events.PendingEvent;

/**
 * The child's course moved on at the NGO: matched with a person, started, completed or dropped
 * out, and whether the closing conversation found that the child needs another offer. Published on
 * {@code ngo.events}, keyed by the referral id; ids and codes only: who was matched and the
 * coordinator's notes stay with the NGO (contract: contracts/events/ngo.referral-progressed.v1.*).
 *
 * @param startedOn the day the course started, when {@code status} is STARTED
 */
public record ReferralProgressed(String referralId, String childId, InboxStatus status,
                                 Course.DropOutReason reason, Boolean needsAnotherOffer, LocalDate startedOn,
                                 Instant occurredAt) {

    public static final String TYPE = "ngo.referral-progressed.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("childId", childId);
        data.put("status", status.name());
        if (reason != null) {
            data.put("reason", reason.name());
        }
        if (needsAnotherOffer != null) {
            data.put("needsAnotherOffer", needsAnotherOffer);
        }
        if (startedOn != null) {
            data.put("startedOn", startedOn.toString());
        }
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, referralId, occurredAt, data);
    }
}
