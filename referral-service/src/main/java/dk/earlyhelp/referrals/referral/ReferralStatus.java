package dk.earlyhelp.referrals.referral;

/** The referral lifecycle of DOMAIN.md. */
public enum ReferralStatus {
    DRAFT, SUBMITTED, RECEIVED, ACCEPTED, WAITLISTED, DECLINED, MATCHED, STARTED, COMPLETED, DROPPED_OUT, WITHDRAWN
}
