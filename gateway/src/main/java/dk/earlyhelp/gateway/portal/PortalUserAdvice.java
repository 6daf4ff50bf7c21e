package dk.earlyhelp.gateway.portal;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dk.earlyhelp.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Makes the logged-in user, with their token, available to every portal page. */
@ControllerAdvice(basePackageClasses = PortalUserAdvice.class)
class PortalUserAdvice {

    static final String TOKEN = PortalUserAdvice.class.getName() + ".token";

    private final AccessTokens tokens;
    private final ServiceCalls services;
    private final boolean demoMailbox;

    PortalUserAdvice(AccessTokens tokens, ServiceCalls services, ObjectProvider<DemoMailbox> demoMailbox) {
        this.tokens = tokens;
        this.services = services;
        this.demoMailbox = demoMailbox.getIfAvailable() != null;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("user")
    PortalUser user(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (!(authentication instanceof OAuth2AuthenticationToken)) {
            return null;
        }
        Jwt token = tokens.current(authentication, request, response);
        if (token == null) {
            return null;
        }
        request.setAttribute(TOKEN, token);
        String name = token.getClaimAsString("name");
        Caller caller = Caller.from(token);
        // Only pages show the menu; the form's background saves need no count.
        long unread = "GET".equals(request.getMethod()) ? unread(caller, token) : 0;
        return new PortalUser(name == null ? authentication.getName() : name, caller, unread, demoMailbox);
    }

    /** For the menu's badge; a referral service that is down shows none rather than failing the page. */
    private long unread(Caller caller, Jwt token) {
        if (!caller.hasRole("MUNICIPAL_STAFF")) {
            return 0;
        }
        Map<String, Object> answer = services.get("referral-service", "/api/referrals/notifications/unread", token,
                ServiceCalls.OBJECT, Map.of()).value();
        return answer.get("unread") instanceof Number count ? count.longValue() : 0;
    }
}
