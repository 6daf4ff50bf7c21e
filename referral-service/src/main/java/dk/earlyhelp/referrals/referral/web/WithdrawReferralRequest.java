package dk.earlyhelp.referrals.referral.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the referrer withdraws the referral; the NGO is told that it was withdrawn, not why. */
public record WithdrawReferralRequest(@NotBlank @Size(max = 2000) String reason) {
}
