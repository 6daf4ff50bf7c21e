package dk.earlyhelp.referrals.referral;

import java.time.Instant;

/**
 * Another professional around the child (teacher, health visitor, school psychologist, ...) who
 * follows the referral's status, with the custody holders' consent the referrer confirmed.
 *
 * @param email  how the follower is known (their login's e-mail) and told of changes
 * @param role   their professional role, e.g. SCHOOL_PSYCHOLOGIST
 * @param addedBy the referrer who added them, having confirmed the consent
 */
public record Follower(String email, String role, Instant addedAt, String addedBy) {
}
