package dk.earlyhelp.ngo.catalogue;

/**
 * A member of a partnership's steering group (municipal and NGO leaders). Recorded for the
 * partnership agreement; what a member may see comes from their login, whose {@code partnerships}
 * claim names the partnership's id.
 *
 * @param organisation e.g. "Aarhus Kommune, Børn og Unge" or the NGO's name
 * @param role         e.g. "Afdelingsleder"; may be absent
 */
public record SteeringGroupMember(String name, String organisation, String role) {
}
