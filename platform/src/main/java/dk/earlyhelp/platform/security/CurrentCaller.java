package dk.earlyhelp.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the request being handled, or the platform itself in {@link SystemWork}. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Caller.from(token.getToken());
        }
        if (authentication instanceof SystemWork.SystemAuthentication system) {
            return system.caller();
        }
        throw new IllegalStateException("No authenticated caller");
    }
}
