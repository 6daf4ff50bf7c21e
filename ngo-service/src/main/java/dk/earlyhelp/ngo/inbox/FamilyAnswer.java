package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The family's answer to a proposed match, as the coordinator records it (by phone or at the
 * meeting): accepted, or declined for a reason. The custody holders answer, and where the child is
 * heard the child too. The note stays with the NGO, never in an event, and is erased with the
 * child's details when the consent ends.
 *
 * @param answeredBy who gave the answer
 * @param reason     why the family declined; null when accepted
 * @param answeredOn the day the family answered (today or earlier, not before the match)
 * @param recordedBy the coordinator who recorded it (token subject)
 */
public record FamilyAnswer(Answer answer, AnsweredBy answeredBy, DeclineReason reason, String note,
                           LocalDate answeredOn, Instant recordedAt, String recordedBy) {

    public enum Answer { ACCEPTED, DECLINED }

    /** The custody holders, the child (heard on their own), or both together. */
    public enum AnsweredBy { CUSTODY_HOLDERS, CHILD, BOTH }

    /** Why a family said no to the person, as codes the referrer's portal can explain in their language. */
    public enum DeclineReason { CHEMISTRY, PRACTICAL, GENDER, OTHER }
}
