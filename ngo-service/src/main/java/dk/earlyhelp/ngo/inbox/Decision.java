package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The coordinator's answer to a referral. A decline names a reason and, where there is one, a
 * better offer (bridge-building); the free-text explanation stays with the NGO.
 */
public record Decision(Outcome outcome, DeclineReason reason, String explanation, String suggestedInterventionCode,
                       LocalDate expectedStart, String decidedBy, Instant decidedAt) {

    public enum Outcome { ACCEPTED, WAITLISTED, DECLINED }

    /** Why a referral is declined, as codes the referrer's portal can explain in their language. */
    public enum DeclineReason { OUTSIDE_TARGET_GROUP, NO_CAPACITY, NEEDS_OTHER_HELP, SAFETY_EXCLUSION, OTHER }
}
