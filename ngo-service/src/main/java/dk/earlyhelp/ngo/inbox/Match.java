package dk.earlyhelp.ngo.inbox;

import java.time.Instant;

/**
 * The coordinator's match of a child with one of the NGO's people for a one-to-one course: who,
 * when and by whom. The person's place is held in their own document from the coordinator's
 * confirmation on, while the match is proposed to the family, until the family declines or the
 * course ends.
 *
 * @param matchedFrom  where the child waited before (ACCEPTED or WAITLISTED), where a decline takes
 *                     them back; null in documents older than the family's answer
 * @param familyAnswer the family's answer; null while they have not answered, and in documents
 *                     older than the answer (MATCHED there counts as accepted)
 */
public record Match(String volunteerId, Instant matchedAt, String matchedBy, InboxReferral.InboxStatus matchedFrom,
                    FamilyAnswer familyAnswer) {
}
