package dk.earlyhelp.gateway.directory;

/**
 * A professional of a municipality as the directory knows them.
 *
 * @param id        their login (the token's {@code sub}), how the portal names a chosen colleague
 * @param email     their login's e-mail, how a follower is known and told of news
 * @param staffRole their professional role, e.g. SCHOOL_PSYCHOLOGIST (the token's {@code staff_role})
 */
public record Colleague(String id, String name, String email, String staffRole, String municipalityCode) {
}
