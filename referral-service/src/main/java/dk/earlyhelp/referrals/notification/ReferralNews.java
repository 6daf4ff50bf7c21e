package dk.earlyhelp.referrals.notification;

import java.time.Instant;
import java.time.LocalDate;

/** What {@code referral.updated.v1} says, as far as the referrer is told. */
public record ReferralNews(String referralId, String interventionCode, String status, String reason,
                           LocalDate expectedStart, Instant occurredAt) {
}
