package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * A referral as the NGO sees it: codes, age and the child's pseudonym, never a name. Fed by
 * {@code referral.events}; {@code appliedEvents} makes the feed idempotent, and
 * {@code pendingEvents} is the outbox of what the NGO tells the referrer (received, decided).
 *
 * @param groupId the group the child has a seat in; null until placed
 */
@Document("inbox")
@CompoundIndex(name = "ngo_received", def = "{'ngoCode': 1, 'receivedAt': 1}")
@CompoundIndex(name = "intervention_status", def = "{'interventionCode': 1, 'status': 1}")
public record InboxReferral(@Id String referralId, String ngoCode, String interventionCode, String municipalityCode,
                            String childId, int childAge, String childGender, List<String> concerns, String urgency,
                            InboxStatus status, Instant submittedAt, Instant receivedAt, Decision decision,
                            String groupId, List<String> appliedEvents, List<PendingEvent> pendingEvents) {

    /** Where the referral stands on the NGO's side. */
    public enum InboxStatus { RECEIVED, ACCEPTED, WAITLISTED, DECLINED, WITHDRAWN }
}
