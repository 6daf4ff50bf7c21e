package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Notifications of concern (underretninger): the NGO's coordinator notifies the child's
 * municipality from the referral's page, whatever the consent says; the municipality's
 * caseworkers and team leads read them all, a referrer those about children they referred.
 */
@Controller
class ConcernPages {

    private static final String SERVICE = "referral-service";

    private final ServiceCalls services;
    private final InboxPages inboxPages;

    ConcernPages(ServiceCalls services, InboxPages inboxPages) {
        this.services = services;
        this.inboxPages = inboxPages;
    }

    @PostMapping("/indbakke/{referralId}/underretning")
    String raise(@ModelAttribute("user") PortalUser user, @PathVariable String referralId,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "false") boolean urgent,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (user == null || !user.caller().hasRole("NGO_COORDINATOR")) {
            return "forbidden";
        }
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/referrals/" + referralId + "/concern-notifications",
                PortalController.token(request), Map.of("description", description, "urgent", urgent));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "concern.sent");
            return "redirect:/indbakke/" + referralId;
        }
        // Keep what the coordinator wrote; say what to correct.
        model.addAttribute("concernError", outcome.unavailable() ? "unavailable"
                : outcome.fieldErrors().containsKey("description") ? "concern.error.description" : "concern.error.general");
        model.addAttribute("concernText", description);
        model.addAttribute("concernUrgent", urgent);
        return inboxPages.show(user, referralId, request, model);
    }

    @GetMapping("/underretninger")
    String list(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (user == null || !user.caller().hasRole("MUNICIPAL_STAFF")) {
            return "forbidden";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> found = services.get(SERVICE,
                "/api/referrals/concern-notifications", PortalController.token(request), ServiceCalls.LIST, List.of());
        model.addAttribute("concerns", found.value().stream().map(Concern::of).toList());
        model.addAttribute("unavailable", found.unavailable());
        return "concerns";
    }

    /** A notification of concern as the municipality reads it. */
    public record Concern(String id, String referralId, String interventionCode, String ngoCode, String raisedAt,
                          boolean urgent, String description) {

        static Concern of(Map<String, Object> concern) {
            return new Concern((String) concern.get("id"), (String) concern.get("referralId"),
                    (String) concern.get("interventionCode"), (String) concern.get("ngoCode"),
                    Rows.time(concern.get("raisedAt")), Boolean.TRUE.equals(concern.get("urgent")),
                    (String) concern.get("description"));
        }
    }
}
