package dk.earlyhelp.gateway.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The embedded authorization server's login page, in the portal's look and languages. */
@Controller
@ConditionalOnProperty(name = "earlyhelp.identity.embedded", havingValue = "true")
class LoginController {

    private final IdentityProperties identity;

    LoginController(IdentityProperties identity) {
        this.identity = identity;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("loginFailed", error != null);
        model.addAttribute("demoUsers", identity.demoIdentities() ? DemoIdentities.USERS.keySet().stream().sorted().toList()
                : java.util.List.of());
        return "login";
    }
}
