package dk.earlyhelp.referrals.referral;

/**
 * The municipal professional (or the municipality's case system) who refers: their user id,
 * municipality, professional role, where they are told of changes (null for a system) and their
 * team (null when not in one), whose lead sees the referral too.
 */
public record Referrer(String id, String municipalityCode, String role, String email, String team) {
}
