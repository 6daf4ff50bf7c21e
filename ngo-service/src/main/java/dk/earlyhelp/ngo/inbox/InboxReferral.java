package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * A referral as the NGO sees it: codes, age and the child's pseudonym, never a name. Fed by
 * {@code referral.events}; {@code appliedEvents} makes the feed idempotent, and
 * {@code pendingEvents} is the outbox of what the NGO tells the referrer (received, decided).
 * When the consent it was shared under ends, it is made anonymous: what was shared about the child
 * (age, gender, concerns) and the coordinator's own words about them are removed, the ids, codes,
 * status and dates stay (CONSENT.md rule 5). The course's note goes with them.
 *
 * @param childAge           null once anonymised
 * @param childGender        null once anonymised
 * @param concerns           null once anonymised
 * @param childPostcode      where the child lives, for the distance to a mentor; null if not known or once anonymised
 * @param childLanguages     the languages (ISO 639-1) the child needs the person working with them to speak;
 *                           null or empty when there is no such need, null once anonymised
 * @param source             how the child came: a municipal referral, or registered by the NGO itself
 *                           (parents' own contact, outreach); null in documents older than the field
 * @param groupId            the group the child has a seat in; null until placed
 * @param match              the person the child is matched with one-to-one; null until matched, and again
 *                           once the family declined
 * @param declinedMatches    the matches the family declined, each with its answer; the people in them are not
 *                           proposed to this child again; null or empty when none
 * @param course             when the course started and how it ended; null until it starts (or ends)
 * @param consentWithdrawnAt when the consent ended (withdrawn or expired) and the referral was made
 *                           anonymous; null while the child's details are held
 */
@Document("inbox")
@CompoundIndex(name = "ngo_received", def = "{'ngoCode': 1, 'receivedAt': 1}")
@CompoundIndex(name = "intervention_status", def = "{'interventionCode': 1, 'status': 1}")
@CompoundIndex(name = "child_ngo", def = "{'childId': 1, 'ngoCode': 1}")
public record InboxReferral(@Id String referralId, String ngoCode, String interventionCode, String municipalityCode,
                            String childId, Integer childAge, String childGender, List<String> concerns,
                            String childPostcode, List<String> childLanguages, String urgency, ReferralSource source,
                            InboxStatus status, Instant submittedAt, Instant receivedAt,
                            Decision decision, String groupId, Match match, List<Match> declinedMatches, Course course,
                            Instant consentWithdrawnAt, List<String> appliedEvents,
                            List<PendingEvent> pendingEvents) {

    /** How the child came; a document older than the field came by a municipal referral. */
    public ReferralSource sourceOrReferral() {
        return source == null ? ReferralSource.MUNICIPAL_REFERRAL : source;
    }

    /** The people the family said no to for this child. */
    public Set<String> declinedVolunteerIds() {
        return declinedMatches == null ? Set.of()
                : declinedMatches.stream().map(Match::volunteerId).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the child's details were removed because the consent ended. */
    public boolean anonymised() {
        return consentWithdrawnAt != null;
    }

    /**
     * Where the referral stands on the NGO's side: decided on, then (one-to-one) a person proposed
     * to the family (PROPOSED: the person's place is held, the child no longer waits) and matched
     * once the family accepted, or (group course) given a seat while ACCEPTED; started, and
     * completed or dropped out. A family's no takes a PROPOSED child back to where they waited.
     */
    public enum InboxStatus {
        RECEIVED, ACCEPTED, WAITLISTED, DECLINED, PROPOSED, MATCHED, STARTED, COMPLETED, DROPPED_OUT, WITHDRAWN
    }
}
