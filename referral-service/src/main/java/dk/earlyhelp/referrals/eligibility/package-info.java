/**
 * Whether a child fits an offer's target group (DOMAIN.md, "Referral lifecycle"): each criterion
 * passes, fails or is unknown with its reason; exclusions are safety rules that block, every other
 * failure may be overridden with the referrer's written reason.
 */
package dk.earlyhelp.referrals.eligibility;
