package dk.earlyhelp.platform.security;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work no person asked for (another service's event, a scheduled job) runs as the platform's own
 * caller, so the use cases it reaches keep their method security ({@code hasRole('SYSTEM')}) and the
 * audit trail names the actor. The authentication is not a token: nothing can relay it to another
 * service, and {@link CallerAuthenticationConverter} never grants the role from a token's claims.
 */
public final class SystemWork {

    /** The role of the platform's own work; granted only here. */
    public static final String ROLE = "SYSTEM";

    private SystemWork() {
    }

    /** A message listener whose every message is handled as {@code subject}, e.g. {@code "listener:ngo-events"}. */
    public static <T> Consumer<T> listener(String subject, Consumer<T> listener) {
        return message -> run(subject, () -> listener.accept(message));
    }

    public static void run(String subject, Runnable work) {
        call(subject, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} as {@link Caller#system(String)}, then restores whatever context the thread had. */
    public static <T> T call(String subject, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(new SystemAuthentication(Caller.system(subject)));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The platform as an authenticated principal; {@link CurrentCaller} reads the caller from it. */
    static final class SystemAuthentication extends AbstractAuthenticationToken {

        private final Caller caller;

        SystemAuthentication(Caller caller) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
            this.caller = caller;
            setAuthenticated(true);
        }

        Caller caller() {
            return caller;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller.subject();
        }
    }
}
