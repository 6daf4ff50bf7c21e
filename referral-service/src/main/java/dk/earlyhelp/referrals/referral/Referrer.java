package dk.earlyhelp.referrals.referral;

/** The municipal professional who refers: their user id, municipality and professional role. */
public record Referrer(String id, String municipalityCode, String role) {
}
