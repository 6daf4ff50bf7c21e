package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** The portal's pages. Each page shows only what the user's role and organisation allow. */
@Controller
class PortalController {

    private final ServiceCalls services;

    PortalController(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    /** A municipal professional's own referrals and their status. */
    @GetMapping("/henvisninger")
    String referrals(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (user == null || !user.caller().hasRole("MUNICIPAL_STAFF")) {
            return "forbidden";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> answer = services.list("referral-service", "/api/referrals",
                token(request));
        model.addAttribute("referrals", answer.value().stream().map(Rows::referral).toList());
        model.addAttribute("unavailable", answer.unavailable());
        return "referrals";
    }

    /** An NGO coordinator's inbox of referrals to the NGO's interventions. */
    @GetMapping("/indbakke")
    String inbox(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (user == null || !user.caller().hasRole("NGO_COORDINATOR")) {
            return "forbidden";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> answer = services.list("ngo-service", "/api/ngo/inbox",
                token(request));
        model.addAttribute("items", answer.value().stream().map(Rows::inboxItem).toList());
        model.addAttribute("unavailable", answer.unavailable());
        return "inbox";
    }

    private static Jwt token(HttpServletRequest request) {
        return (Jwt) request.getAttribute(PortalUserAdvice.TOKEN);
    }
}
