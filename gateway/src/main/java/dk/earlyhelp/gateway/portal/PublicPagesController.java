package dk.earlyhelp.gateway.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages anyone may see. */
@Controller
class PublicPagesController {

    @GetMapping("/logged-out")
    String loggedOut() {
        return "logged-out";
    }
}
