package dk.earlyhelp.gateway.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.earlyhelp.gateway.limits.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The embedded authorization server's login page, in the portal's look and languages. */
@Controller
@ConditionalOnProperty(name = "earlyhelp.identity.embedded", havingValue = "true")
class LoginController {

    private final IdentityProperties identity;

    LoginController(IdentityProperties identity) {
        this.identity = identity;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        // Set by SignInRateLimitFilter when it refused a login post from this address.
        Object retryAfter = request.getAttribute(RateLimits.RETRY_AFTER);
        if (retryAfter != null) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("retryAfter", retryAfter);
        }
        model.addAttribute("loginFailed", error != null && retryAfter == null);
        model.addAttribute("demoUsers", identity.demoIdentities() ? DemoIdentities.USERS.keySet().stream().sorted().toList()
                : java.util.List.of());
        return "login";
    }
}
