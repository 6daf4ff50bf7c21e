package dk.earlyhelp.referrals.referral;

import java.time.Instant;

/** One transition of a referral: when, who, and why where the lifecycle asks for a reason. */
public record TimelineEntry(ReferralStatus status, Instant at, String actor, String reason) {
}
