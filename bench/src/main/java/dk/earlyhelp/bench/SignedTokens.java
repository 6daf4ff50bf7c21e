package dk.earlyhelp.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens for synthetic teachers in Aarhus, signed with the run mode's own key (its data
 * folder's {@code identity/signing-key.json}), with the claims the gateway's login puts in them.
 * The gateway limits each person to 20 requests a second, so the load is spread over many teachers
 * as it would be in a municipality; logging in through the portal is not what is measured.
 */
final class SignedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_BASE64URL = Base64.getUrlDecoder();

    private final PrivateKey key;
    private final String keyId;
    private final String issuer;

    SignedTokens(Path signingKeyFile, String issuer) throws IOException, GeneralSecurityException {
        JsonNode jwk = JSON.readTree(Files.readString(signingKeyFile));
        key = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(number(jwk, "n"),
                number(jwk, "e"), number(jwk, "d"), number(jwk, "p"), number(jwk, "q"), number(jwk, "dp"),
                number(jwk, "dq"), number(jwk, "qi")));
        keyId = jwk.get("kid").asText();
        this.issuer = issuer;
    }

    /** Teacher number {@code n} of Aarhus (municipality 0751), valid for {@code validFor}. */
    String teacher(int n, Duration validFor) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", List.of("portal", "earlyhelp-api"));
        claims.put("sub", "bench-teacher-" + n);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(validFor).getEpochSecond());
        claims.put("name", "Benchmark Teacher " + n);
        claims.put("roles", List.of("MUNICIPAL_STAFF"));
        claims.put("org_type", "MUNICIPALITY");
        claims.put("org", "0751");
        claims.put("partnerships", List.of());
        claims.put("staff_role", "TEACHER");
        return sign(claims);
    }

    private String sign(Map<String, Object> claims) {
        try {
            String signed = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)) + "." + encode(claims);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64URL.encodeToString(signature.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Object json) throws IOException {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    }

    private static BigInteger number(JsonNode jwk, String field) {
        return new BigInteger(1, FROM_BASE64URL.decode(jwk.get(field).asText()));
    }
}
