package dk.earlyhelp.gateway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The embedded authorization server's RSA signing key, kept in a file so that a restart does not
 * invalidate every token and session. Without a file it lives in memory only.
 */
final class SigningKey {

    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path file) {
        try {
            if (file != null && Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            if (file != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, key.toJSONString());
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The signing key " + file + " is not a valid RSA JWK", e);
        }
    }
}
