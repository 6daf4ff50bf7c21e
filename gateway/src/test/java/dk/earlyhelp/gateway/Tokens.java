package dk.earlyhelp.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The gateway's signing key for tests, written where the embedded authorization server loads it
 * from, so a test can sign tokens the gateway trusts and forge the ones it must refuse.
 */
final class Tokens {

    static final RSAKey KEY = generate();
    private static Path file;

    private Tokens() {
    }

    /** The key file for {@code earlyhelp.identity.signing-key-file}. */
    static synchronized Path file() {
        if (file == null) {
            try {
                file = Files.createTempDirectory("gateway-test-key").resolve("signing-key.json");
                Files.writeString(file, KEY.toJSONString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /** Claims as the gateway's authorization server issues them, valid for 5 minutes from now. */
    static JWTClaimsSet.Builder claims(String issuer, String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(List.of("portal", "earlyhelp-api"))
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(roles)).claim("org_type", "MUNICIPALITY").claim("org", "0751");
    }

    static String valid(String issuer, String subject, String... roles) {
        return sign(claims(issuer, subject, roles).build());
    }

    /** Signed with the gateway's own key and key id. */
    static String sign(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims,
                signer(KEY));
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSASSASigner signer(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
