package dk.earlyhelp.ngo.catalogue;

/**
 * The size of an intervention as the catalogue states it, until volunteers and groups are kept
 * here one by one. Any field may be absent.
 *
 * @param concurrentChildren children the intervention can work with at the same time
 * @param groupsPerTerm      groups running at the same time (with the format's group size)
 * @param childrenPerMentor  children one volunteer takes at a time
 */
public record Capacity(Integer concurrentChildren, Integer groupsPerTerm, Integer volunteers, Integer staff,
                       Integer childrenPerMentor) {
}
