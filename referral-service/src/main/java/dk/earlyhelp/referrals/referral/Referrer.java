package dk.earlyhelp.referrals.referral;

/**
 * The municipal professional (or the municipality's case system) who refers: their user id,
 * municipality, professional role and where they are told of changes (null for a system).
 */
public record Referrer(String id, String municipalityCode, String role, String email) {
}
