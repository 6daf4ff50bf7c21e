package dk.earlyhelp.consent.grantee;

/**
 * A consent's grantee as a custody holder is shown it: the NGO and the intervention, by name where
 * the catalogue has told us, by code otherwise.
 *
 * @param interventionCode null when the consent names no intervention
 * @param interventionName null when the consent names no intervention
 */
public record Grantee(String ngoCode, String ngoName, String interventionCode, String interventionName) {
}
