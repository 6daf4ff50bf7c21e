package dk.earlyhelp.referrals.referral;

import java.time.Instant;

/**
 * Another professional around the child (teacher, health visitor, school psychologist, ...) who
 * follows the referral's status, under a consent of the custody holders that names their role.
 *
 * @param email     how the follower is known (their login's e-mail) and told of changes
 * @param role      their professional role, e.g. SCHOOL_PSYCHOLOGIST
 * @param addedBy   the referrer who added them
 * @param consentId the consent that let them follow; its end ends their following (null on older followers)
 */
public record Follower(String email, String role, Instant addedAt, String addedBy, String consentId) {
}
