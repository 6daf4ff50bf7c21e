package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;
import dk.earlyhelp.platform.events.PendingEvent;

/**
 * The family declined the person the coordinator proposed: the match ended and the child waits
 * again as before ({@code status}: ACCEPTED or WAITLISTED), in their original place. Published on
 * {@code ngo.events}, keyed by the referral id; codes and ids only, the coordinator's note stays
 * with the NGO (contract: contracts/events/ngo.match-declined.v1.*).
 */
public record MatchDeclined(String referralId, String childId, String volunteerId, InboxStatus status,
                            FamilyAnswer.DeclineReason reason, FamilyAnswer.AnsweredBy answeredBy, Instant occurredAt) {

    public static final String TYPE = "ngo.match-declined.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("childId", childId);
        data.put("volunteerId", volunteerId);
        data.put("status", status.name());
        data.put("reason", reason.name());
        data.put("answeredBy", answeredBy.name());
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, referralId, occurredAt, data);
    }
}
