package dk.earlyhelp.ngo.catalogue;

import java.util.List;

/**
 * What the administrator says about an intervention when adding or changing it: everything but
 * its code, its NGO and its partnerships, which have their own use cases.
 *
 * @param types          INDIVIDUAL, GROUP, FAMILY (at least one)
 * @param deliveredBy    NGO, MUNICIPAL_STAFF or BOTH
 * @param measures       dimensions of the shared instrument (instrument.json)
 * @param staircaseStep  1–7 on the intervention staircase (DOMAIN.md)
 */
public record InterventionDescription(String name, List<String> types, TargetGroup targetGroup, Format format,
                                      String deliveredBy, List<String> measures, Boolean fidelityManual,
                                      Integer staircaseStep, Capacity capacity) {
}
