package dk.earlyhelp.referrals.referral;

/**
 * The support the child already has; null where the referrer has not said.
 *
 * @param specialSupportMeasure a special support measure from the municipality (Barnets lov § 32, formerly serviceloven § 52)
 * @param schoolSupport         support at school or daycare (e.g. from a school psychologist or a support teacher)
 */
public record CurrentSupport(Boolean specialSupportMeasure, Boolean schoolSupport) {

    public static final CurrentSupport UNKNOWN = new CurrentSupport(null, null);
}
