package dk.earlyhelp.referrals.eligibility;

import java.util.Set;

/**
 * What the eligibility check knows about the child; null means not given (the criterion is then unknown).
 *
 * @param municipalityCode      the referring municipality, where the child lives or goes to school
 * @param specialSupportMeasure whether the municipality already gives a special support measure
 *                              (Barnets lov § 32, formerly serviceloven § 52)
 */
public record ChildFacts(Integer age, String gender, String municipalityCode, Set<String> concerns,
                         Boolean specialSupportMeasure) {

    /** Nothing known yet. */
    public static final ChildFacts UNKNOWN = new ChildFacts(null, null, null, null, null);

    public ChildFacts {
        concerns = concerns == null ? Set.of() : Set.copyOf(concerns);
    }
}
