package dk.earlyhelp.referrals.referral;

/**
 * Where a sent referral stands with the custody holders' consent. The NGO receives the referral
 * only once the consent service says it may (CONSENT.md rule 1); until then it waits here.
 */
public enum ConsentState {
    /** Sent by the referrer, held until the consent names the NGO for referral and delivery. */
    AWAITING,
    /** Shared with the NGO under a consent. */
    GIVEN,
    /** A custody holder (or the young person) said no; the NGO never received the referral. */
    REFUSED,
    /** The consent it was shared under was withdrawn or expired; the NGO sees nothing more. */
    WITHDRAWN
}
