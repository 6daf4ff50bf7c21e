package dk.earlyhelp.ngo.catalogue;

import java.util.List;

/**
 * Who an intervention is for, as the catalogue states it. An absent field sets no condition, so
 * eligibility checks elsewhere read only what the NGO actually promised.
 *
 * @param gender            GIRL or BOY, where the offer is for one gender only
 * @param concerns          concern codes the offer is made for
 * @param excludes          concern codes that rule a child out (safety exclusions)
 * @param excludedReferTo   where an excluded child should go instead
 * @param mustLiveOrStudyIn municipality code the child must live or go to school in
 */
public record TargetGroup(Integer ageMin, Integer ageMax, String gender, List<String> concerns, List<String> excludes,
                          String excludedReferTo, String mustLiveOrStudyIn, Boolean acceptsSection52,
                          Boolean excludesSection52, Boolean belowMunicipalThreshold) {
}
