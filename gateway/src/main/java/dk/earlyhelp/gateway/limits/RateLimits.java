package dk.earlyhelp.gateway.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Requests a second per caller. On the API the caller is the token's subject (a user or an
 * integration client) when the token is valid, else the client's address; the login form and the
 * token endpoint count per address. A refused request answers 429 with {@code Retry-After}; the log
 * names the caller only by a keyed hash that changes with every start, never by name or address.
 */
@Component
public class RateLimits {

    public enum Scope { API, LOGIN, TOKEN_ENDPOINT }

    /** Set on a login request that was refused: the seconds to wait, for the login page to say so. */
    public static final String RETRY_AFTER = RateLimits.class.getName() + ".retryAfter";

    private static final String COUNTED = RateLimits.class.getName() + ".counted";
    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final Map<Scope, TokenBuckets> buckets = new EnumMap<>(Scope.class);
    private final ProblemResponses problems;
    private final byte[] hashKey = new byte[32];

    RateLimits(LimitsProperties limits, ProblemResponses problems) {
        this.problems = problems;
        LimitsProperties.RateLimit rate = limits.rateLimit();
        buckets.put(Scope.API, new TokenBuckets(rate.requestsPerSecond(), rate.burst(), rate.maxKeys(), System::nanoTime));
        buckets.put(Scope.LOGIN, new TokenBuckets(rate.login().requestsPerSecond(), rate.login().burst(),
                rate.maxKeys(), System::nanoTime));
        buckets.put(Scope.TOKEN_ENDPOINT, new TokenBuckets(rate.tokenEndpoint().requestsPerSecond(),
                rate.tokenEndpoint().burst(), rate.maxKeys(), System::nanoTime));
        new SecureRandom().nextBytes(hashKey);
    }

    /** Takes a token for the caller: 0 when the request may go on, otherwise the seconds to wait. */
    public long retryAfter(Scope scope, String caller) {
        TokenBuckets.Verdict verdict = buckets.get(scope).take(caller);
        if (verdict.firstRefusal()) {
            log.warn("Rate limit reached: {} caller {} refused for {} s", scope, hash(caller), verdict.retryAfterSeconds());
        }
        return verdict.allowed() ? 0 : verdict.retryAfterSeconds();
    }

    public static String address(HttpServletRequest request) {
        return "address:" + request.getRemoteAddr();
    }

    /** Answers 429 problem details with the wait in {@code Retry-After}. */
    public void tooMany(HttpServletResponse response, long retryAfter) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many requests from you in a short time. Try again in " + retryAfter + " seconds.");
    }

    /**
     * Counts API requests after bearer token authentication: per subject with a valid token, per
     * address without one. Requests with an invalid token never get here; {@link #apiEntryPoint} counts those.
     */
    public OncePerRequestFilter apiFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication caller = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
                String key = caller instanceof JwtAuthenticationToken token ? "subject:" + token.getName() : address(request);
                request.setAttribute(COUNTED, Boolean.TRUE);
                long wait = retryAfter(Scope.API, key);
                if (wait > 0) {
                    tooMany(response, wait);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** The API's 401, after counting a request that was not counted yet (an invalid token) against its address. */
    public AuthenticationEntryPoint apiEntryPoint(AuthenticationEntryPoint authenticationRequired) {
        return (request, response, failure) -> {
            if (request.getAttribute(COUNTED) == null) {
                request.setAttribute(COUNTED, Boolean.TRUE);
                String address = address(request);
                long wait = retryAfter(Scope.API, address);
                if (wait > 0) {
                    tooMany(response, wait);
                    return;
                }
                log.info("API request with an invalid bearer token from caller {}", hash(address));
            }
            authenticationRequired.commence(request, response, failure);
        };
    }

    /** A short keyed hash: the same caller gives the same value until the next start, and no one can reverse it. */
    String hash(String caller) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(caller.getBytes(StandardCharsets.UTF_8)), 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
