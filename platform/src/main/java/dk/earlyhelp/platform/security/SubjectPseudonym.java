package dk.earlyhelp.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A pseudonym of a user account's subject ({@code sub}) for events: the hex SHA-256 of the subject.
 * A service that learns from an event which account may act compares it with the caller's, without
 * the account's user name (in the run mode a readable login) travelling on the topics. A pseudonym,
 * not anonymity: whoever knows a subject can compute its pseudonym.
 */
public final class SubjectPseudonym {

    private SubjectPseudonym() {
    }

    /** The pseudonym of the subject; null for none. */
    public static String of(String subject) {
        if (subject == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException notInThisJvm) {
            // Every Java platform must implement SHA-256 (MessageDigest's Javadoc).
            throw new IllegalStateException(notInThisJvm);
        }
    }
}
