package dk.earlyhelp.referrals.referral;

/** The child's own view, in their own words where possible: a required part of every referral. */
public record ChildView(String whatIsHard, String wishes) {
}
