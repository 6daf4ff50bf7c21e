package dk.earlyhelp.referrals.child;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps the child's identity inside this service. The CPR number is stored encrypted (AES-GCM,
 * authenticated); the pseudonym other services see is a keyed hash (HMAC-SHA256) of municipality
 * and CPR number, or of name and birth date without one, so the same child gets the same
 * pseudonym in the same municipality and duplicates can be found without revealing who it is.
 */
@Component
@EnableConfigurationProperties(ChildIdentity.Keys.class)
public class ChildIdentity {

    private static final int NONCE_BYTES = 12;
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec pseudonymKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param cprEncryptionKey base64 of 32 random bytes
     * @param pseudonymKey     base64 of 32 random bytes, different from the encryption key
     */
    @ConfigurationProperties("earlyhelp.referrals.keys")
    public record Keys(String cprEncryptionKey, String pseudonymKey) {
    }

    ChildIdentity(Keys keys) {
        this.encryptionKey = new SecretKeySpec(Base64.getDecoder().decode(keys.cprEncryptionKey()), "AES");
        this.pseudonymKey = new SecretKeySpec(Base64.getDecoder().decode(keys.pseudonymKey()), "HmacSHA256");
    }

    public String pseudonym(String municipalityCode, CprNumber cpr, String firstName, String lastName,
            LocalDate birthDate) {
        String identity = cpr != null ? "cpr|" + cpr.digits()
                : "name|" + normalise(firstName) + "|" + normalise(lastName) + "|" + birthDate;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            ByteBuffer hash = ByteBuffer.wrap(mac.doFinal((municipalityCode + "|" + identity)
                    .getBytes(StandardCharsets.UTF_8)));
            return new UUID(hash.getLong(), hash.getLong()).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Base64 of nonce and ciphertext; null for no CPR number. */
    public String encrypt(CprNumber cpr) {
        if (cpr == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(cpr.digits().getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    /** The CPR number back, for the few places that must show or send it. */
    public CprNumber decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return CprNumber.parse(new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES),
                    StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored CPR number fails its authentication", e);
        }
    }

    private static String normalise(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
