package dk.earlyhelp.gateway.api;

import java.util.Locale;
import java.util.Set;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Headers a client could send to pass for someone else, or to change the address a service puts
 * into its links, never leave the gateway: a service learns who calls only from the validated
 * token. The gateway sets no forwarding headers itself, so every {@code X-Forwarded-*} goes; the
 * portal's session cookie stays here too. Runs first, before the gateway's own header filters.
 */
@Component
class SpoofableHeaders implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

    static final Set<String> NAMES = Set.of("x-user-id", "x-user", "x-forwarded-user", "x-remote-user", "remote-user",
            "x-roles", "x-organisation", "x-organization", "x-auth-request-user", "x-auth-request-email",
            "x-real-ip", "x-client-ip", "forwarded", "cookie");

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isSpoofable(name)) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }

    static boolean isSpoofable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return NAMES.contains(lower) || lower.startsWith("x-forwarded-");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
