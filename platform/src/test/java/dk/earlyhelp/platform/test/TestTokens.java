package dk.earlyhelp.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Issues signed access tokens for tests and serves the public key over real HTTP, so services
 * validate test tokens exactly as they validate the gateway's: by fetching a JWK set.
 */
public final class TestTokens {

    /** The issuer and audience the services are configured to accept in tests (see {@link EmbeddedInfrastructure}). */
    public static final String ISSUER = "http://test-issuer";
    public static final String AUDIENCE = "earlyhelp-api";

    private static RSAKey key;
    private static String jwkSetUri;

    private TestTokens() {
    }

    public static synchronized String jwkSetUri() {
        if (jwkSetUri == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
                byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/jwks", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return jwkSetUri;
    }

    /** A token for a municipal professional of one municipality. */
    public static String municipalStaff(String subject, String municipalityCode) {
        return issue(subject, Map.of("roles", List.of("MUNICIPAL_STAFF"), "org_type", "MUNICIPALITY",
                "org", municipalityCode, "staff_role", "TEACHER", "email", subject + "@example.org"));
    }

    /** A token for the coordinator of one NGO. */
    public static String ngoCoordinator(String subject, String ngoCode) {
        return issue(subject, Map.of("roles", List.of("NGO_COORDINATOR"), "org_type", "NGO", "org", ngoCode));
    }

    public static String issue(String subject, Map<String, Object> claims) {
        return issue(subject, claims, builder -> { });
    }

    /** As {@link #issue(String, Map)}, with the standard claims changed afterwards (for attack tests). */
    public static synchronized String issue(String subject, Map<String, Object> claims,
            Consumer<JWTClaimsSet.Builder> change) {
        jwkSetUri();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(builder::claim);
        change.accept(builder);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
