package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How the child's course ran: when it started and how it ended. The closing conversation decides
 * whether the child needs another offer (bridge back to the municipality); the note stays with the
 * NGO and is erased with the child's details when the consent ends.
 *
 * @param startedOn         the day the course started; null if it ended before it started
 * @param dropOutReason     why the child dropped out; null when completed
 * @param needsAnotherOffer the closing conversation's outcome; null while the course runs
 */
public record Course(LocalDate startedOn, Instant startedAt, String startedBy, Instant endedAt, String endedBy,
                     DropOutReason dropOutReason, Boolean needsAnotherOffer, String note) {

    /** Why a course ended early, as codes the referrer's portal can explain in their language. */
    public enum DropOutReason { FAMILY_WITHDREW, CHILD_LOST_INTEREST, MOVED, NEEDS_OTHER_HELP, OTHER }
}
