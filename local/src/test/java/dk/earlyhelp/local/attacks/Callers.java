package dk.earlyhelp.local.attacks;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import dk.earlyhelp.local.system.UserTokens;

/**
 * Access tokens of the principals, from the gateway's own login and token endpoints. Tokens live
 * five minutes; one is fetched again after four, so long attack runs never send a stale one.
 */
final class Callers {

    private static final Duration REFRESH_AFTER = Duration.ofMinutes(4);

    private final String portal;
    private final Map<Principal, String> tokens = new EnumMap<>(Principal.class);
    private final Map<Principal, Instant> fetched = new EnumMap<>(Principal.class);

    Callers(String portal) {
        this.portal = portal;
    }

    /** The principal's bearer token; none for the anonymous caller. */
    synchronized String token(Principal principal) {
        if (principal == Principal.ANONYMOUS) {
            return null;
        }
        Instant at = fetched.get(principal);
        if (at == null || at.plus(REFRESH_AFTER).isBefore(Instant.now())) {
            try {
                tokens.put(principal, principal.isClient()
                        ? UserTokens.clientToken(portal, principal.subject, principal.subject + "-secret")
                        : UserTokens.accessToken(portal, principal.subject));
            } catch (Exception e) {
                throw new IllegalStateException("No token for " + principal, e);
            }
            fetched.put(principal, Instant.now());
        }
        return tokens.get(principal);
    }
}
