package dk.earlyhelp.consent.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret of a personal link: 32 random bytes, base64url. Only its SHA-256 hash is stored, so
 * the store never holds a working link; a fast hash suffices because the secret is random, not chosen.
 */
final class LinkToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LinkToken() {
    }

    static String create() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The hash of a token of the right form; empty for anything else, which no link can have. */
    static Optional<String> hashOf(String token) {
        return token != null && FORM.matcher(token).matches() ? Optional.of(hash(token)) : Optional.empty();
    }
}
