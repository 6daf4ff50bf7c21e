package dk.earlyhelp.local.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Signs RS256 access tokens with the claims the gateway's authorization server puts in them and
 * serves the public key as a JWK set over HTTP, so the services validate them as they validate
 * real ones; the fault tests need no gateway.
 */
final class TokenIssuer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String KEY_ID = "fault-tests";
    static final String ISSUER = "http://fault-tests";

    private final KeyPair keys;
    private final HttpServer server;

    TokenIssuer() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
            byte[] jwks = JSON.writeValueAsBytes(Map.of("keys", List.of(Map.of("kty", "RSA", "kid", KEY_ID,
                    "use", "sig", "alg", "RS256", "n", unsigned(publicKey.getModulus()),
                    "e", unsigned(publicKey.getPublicExponent())))));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A teacher in Aarhus (municipality 0751), as {@code laerer.aarhus} logs in. */
    String teacher() {
        return issue("laerer.aarhus", Map.of("roles", List.of("MUNICIPAL_STAFF"), "org_type", "MUNICIPALITY",
                "org", "0751", "staff_role", "TEACHER", "email", "laerer.aarhus@example.org"));
    }

    /** Powerkids' coordinator (NGO URK_AAR), as {@code koordinator.powerkids} logs in. */
    String powerkidsCoordinator() {
        return issue("koordinator.powerkids", Map.of("roles", List.of("NGO_COORDINATOR"), "org_type", "NGO",
                "org", "URK_AAR", "partnerships", List.of("POWERKIDS-0751")));
    }

    String administrator() {
        return issue("admin", Map.of("roles", List.of("ADMIN"), "org_type", "PLATFORM", "org", "PLATFORM"));
    }

    private String issue(String subject, Map<String, Object> claims) {
        Map<String, Object> payload = new LinkedHashMap<>(claims);
        long now = Instant.now().getEpochSecond();
        payload.put("sub", subject);
        payload.put("iss", ISSUER);
        payload.put("aud", List.of("earlyhelp-api"));
        payload.put("iat", now);
        payload.put("exp", now + 3600);
        try {
            String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID)) + "." + encode(payload);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, Object> json) throws JsonProcessingException {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64URL.encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
