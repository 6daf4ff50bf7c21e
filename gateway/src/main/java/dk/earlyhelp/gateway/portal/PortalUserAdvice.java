package dk.earlyhelp.gateway.portal;

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

    PortalUserAdvice(AccessTokens tokens) {
        this.tokens = tokens;
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
        return new PortalUser(name == null ? authentication.getName() : name, Caller.from(token));
    }
}
