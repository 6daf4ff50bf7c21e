package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** A municipal professional's referrals: the list, one referral's timeline, and withdrawing it. */
@Controller
@RequestMapping("/henvisninger")
class ReferralPages {

    private static final String SERVICE = "referral-service";
    private final ServiceCalls services;

    ReferralPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping
    String list(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Answer<Map<String, Object>> page = services.get(SERVICE, "/api/referrals?size=100",
                PortalController.token(request), ServiceCalls.OBJECT, Map.of("items", List.of()));
        model.addAttribute("referrals", Rows.items(page.value()).stream().map(Rows::referral).toList());
        model.addAttribute("unavailable", page.unavailable());
        return "referrals";
    }

    @GetMapping("/{id}")
    String show(@ModelAttribute("user") PortalUser user, @PathVariable String id, HttpServletRequest request,
            Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Answer<Map<String, Object>> referral = services.get(SERVICE, "/api/referrals/" + id,
                PortalController.token(request), ServiceCalls.OBJECT, null);
        if (referral.value() == null) {
            model.addAttribute("unavailable", true);
            return "referrals";
        }
        model.addAttribute("referral", Rows.referralDetail(referral.value()));
        return "referral";
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@ModelAttribute("user") PortalUser user, @PathVariable String id,
            @RequestParam(defaultValue = "") String reason, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/referrals/" + id + "/withdraw",
                PortalController.token(request), Map.of("reason", reason));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "referral.withdrawn");
            return "redirect:/henvisninger/" + id;
        }
        model.addAttribute("withdrawError", outcome.unavailable() ? "unavailable"
                : outcome.fieldErrors().containsKey("reason") ? "referral.withdraw.reasonRequired" : "referral.withdraw.notPossible");
        model.addAttribute("reason", reason);
        return show(user, id, request, model);
    }

    private static boolean allowed(PortalUser user) {
        return user != null && user.caller().hasRole("MUNICIPAL_STAFF");
    }
}
