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

/**
 * The coordinator's mentor proposals for a waiting child of a one-to-one offer: ranked people with
 * the reasons for each (the hard rules already left out whoever may not take the child, and the
 * family's earlier no whoever they declined), and confirming one of them, which proposes the match
 * to the family.
 */
@Controller
@RequestMapping("/indbakke/{referralId}")
class MatchingPages {

    private static final String SERVICE = "ngo-service";

    private final ServiceCalls services;

    MatchingPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/forslag")
    @SuppressWarnings("unchecked")
    String proposals(@ModelAttribute("user") PortalUser user, @PathVariable String referralId,
            @RequestParam(name = "postnummer", required = false) String area, HttpServletRequest request, Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        boolean validArea = area == null || area.isBlank() || area.strip().matches("\\d{4}");
        String query = validArea && area != null && !area.isBlank() ? "?area=" + area.strip() : "";
        ServiceCalls.Outcome answer = services.fetch(SERVICE, "/api/ngo/inbox/" + referralId + "/proposals" + query,
                PortalController.token(request));
        model.addAttribute("referralId", referralId);
        model.addAttribute("area", area);
        model.addAttribute("areaError", !validArea);
        if (answer.succeeded()) {
            model.addAttribute("proposals", ((List<Map<String, Object>>) answer.body().getOrDefault("proposals",
                    List.of())).stream().map(Proposal::of).toList());
            model.addAttribute("excludedPeople", answer.body().get("excludedPeople"));
            // Whom the family said no to before is left out and said so apart from the fixed rules.
            model.addAttribute("declinedByFamily", answer.body().get("excluded") instanceof Map<?, ?> excluded
                    ? excluded.get("DECLINED_BY_FAMILY") : null);
        } else {
            model.addAttribute("proposals", List.of());
            model.addAttribute("problem", answer.unavailable() ? "unavailable"
                    : answer.status() == 404 ? "matching.notFound" : "matching.notPossible");
            model.addAttribute("problemDetail", answer.body().get("detail"));
        }
        return "proposals";
    }

    @PostMapping("/match")
    String match(@ModelAttribute("user") PortalUser user, @PathVariable String referralId,
            @RequestParam String volunteerId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/ngo/inbox/" + referralId + "/match",
                PortalController.token(request), Map.of("volunteerId", volunteerId));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "matching.matched");
            return "redirect:/indbakke";
        }
        model.addAttribute("matchError", outcome.unavailable() ? "unavailable" : "matching.notPossible");
        model.addAttribute("problemDetail", outcome.body().get("detail"));
        return proposals(user, referralId, null, request, model);
    }

    private static boolean allowed(PortalUser user) {
        return user != null && user.caller().hasRole("NGO_COORDINATOR");
    }

    /** One proposed person and why, for display. */
    public record Proposal(String volunteerId, String name, String kind, String qualification, int freeCapacity,
                           int score, List<Reason> reasons) {

        @SuppressWarnings("unchecked")
        static Proposal of(Map<String, Object> proposal) {
            return new Proposal((String) proposal.get("volunteerId"), (String) proposal.get("displayName"),
                    (String) proposal.get("kind"), (String) proposal.get("qualification"),
                    ((Number) proposal.getOrDefault("freeCapacity", 0)).intValue(),
                    ((Number) proposal.getOrDefault("score", 0)).intValue(),
                    ((List<Map<String, Object>>) proposal.getOrDefault("reasons", List.of())).stream()
                            .map(reason -> new Reason((String) reason.get("criterion"), (String) reason.get("outcome"),
                                    (String) reason.get("detail"))).toList());
        }
    }

    /** @param detail the service's explanation, in English */
    public record Reason(String criterion, String outcome, String detail) {
    }
}
