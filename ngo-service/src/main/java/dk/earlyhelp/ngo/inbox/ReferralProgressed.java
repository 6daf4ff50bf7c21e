package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;
import dk.earlyhelp.platform.events.PendingEvent;

/**
 * The child's course moved on at the NGO: matched with a person, started, completed or dropped
 * out, and whether the closing conversation found that the child needs another offer. Published on
 * {@code ngo.events}, keyed by the referral id; ids and codes only: the people who deliver the
 * course travel as ids and login pseudonyms, so measurement-service can show a volunteer their own
 * children only; their names and the coordinator's notes stay with the NGO (contract:
 * contracts/events/ngo.referral-progressed.v1.*).
 *
 * @param startedOn   the day the course started, when {@code status} is STARTED
 * @param deliveredBy who delivers the course as of this step: the matched mentor or the group's leaders,
 *                    as ids and login pseudonyms only; empty when neither is known
 */
public record ReferralProgressed(String referralId, String childId, InboxStatus status,
                                 Course.DropOutReason reason, Boolean needsAnotherOffer, LocalDate startedOn,
                                 List<Deliverer> deliveredBy, Instant occurredAt) {

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
        if (!deliveredBy.isEmpty()) {
            data.put("deliveredBy", deliveredBy.stream().map(ReferralProgressed::deliverer).toList());
        }
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, referralId, occurredAt, data);
    }

    private static Map<String, Object> deliverer(Deliverer deliverer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("volunteerId", deliverer.volunteerId());
        if (deliverer.subjectPseudonym() != null) {
            data.put("subjectPseudonym", deliverer.subjectPseudonym());
        }
        return data;
    }
}
