package dk.earlyhelp.referrals.offer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Who an offer is for, as the NGO's catalogue states it; every field is optional.
 *
 * @param excludes          concern codes that rule a child out for safety (hard exclusions)
 * @param excludedReferTo   where a child ruled out by {@code excludes} must be referred instead
 * @param mustLiveOrStudyIn municipality the child must live or go to school in
 * @param acceptsSection52  the offer may run alongside a special support measure
 * @param excludesSection52 the offer is for children without a special support measure
 */
@JsonIgnoreProperties(ignoreUnknown = true) // a newer catalogue may say more than this version reads
public record TargetGroup(Integer ageMin, Integer ageMax, String gender, List<String> concerns, List<String> excludes,
                          String excludedReferTo, String mustLiveOrStudyIn, Boolean acceptsSection52,
                          Boolean excludesSection52, Boolean belowMunicipalThreshold) {

    /** A target group the catalogue says nothing about. */
    public static final TargetGroup ANYONE = new TargetGroup(null, null, null, null, null, null, null, null, null,
            null);

    public TargetGroup {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }
}
