package dk.earlyhelp.gateway.portal;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;

/** The portal's home page: what the user's role can do here. */
@Controller
class PortalController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    /** The logged-in user's access token, put on the request by {@link PortalUserAdvice}. */
    static Jwt token(HttpServletRequest request) {
        return (Jwt) request.getAttribute(PortalUserAdvice.TOKEN);
    }
}
