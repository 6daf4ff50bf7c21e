package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * For the administrator or data protection officer: consents that ended while in force, which
 * services have confirmed erasing what they held under them, and which are overdue (CONSENT.md rule 5).
 */
@Controller
class ErasurePages {

    private final ServiceCalls services;

    ErasurePages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/sletninger")
    String erasures(@ModelAttribute("user") PortalUser user,
            @RequestParam(name = "mangler", defaultValue = "false") boolean missingOnly, HttpServletRequest request,
            Model model) {
        if (user == null || !user.caller().hasRole("ADMIN")) {
            return "forbidden";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> erasures = services.get(ConsentStep.SERVICE,
                "/api/consents/erasures" + (missingOnly ? "?missing=true" : ""), PortalController.token(request),
                ServiceCalls.LIST, List.of());
        model.addAttribute("erasures", erasures.value().stream().map(Erasure::of).toList());
        // The rules every consent decision applies now (settings of the consent service, read-only here).
        model.addAttribute("rules", services.get(ConsentStep.SERVICE, "/api/consents/settings",
                PortalController.token(request), ServiceCalls.OBJECT, Map.of()).value());
        model.addAttribute("missingOnly", missingOnly);
        model.addAttribute("unavailable", erasures.unavailable());
        return "erasures";
    }

    /** One ended consent and its erasure confirmations, for display. */
    public record Erasure(String consentId, String childId, String municipalityCode, String status, String endedAt,
                          List<String> confirmed, List<String> missing, boolean overdue) {

        @SuppressWarnings("unchecked")
        static Erasure of(Map<String, Object> erasure) {
            return new Erasure((String) erasure.get("consentId"), (String) erasure.get("childId"),
                    (String) erasure.get("municipalityCode"),
                    (String) erasure.get("status"), Rows.time(erasure.get("endedAt")),
                    ((List<Map<String, Object>>) erasure.getOrDefault("confirmations", List.of())).stream()
                            .map(confirmation -> confirmation.get("service") + " (" + Rows.time(confirmation.get("at"))
                                    + ")").toList(),
                    (List<String>) erasure.getOrDefault("missing", List.of()),
                    Boolean.TRUE.equals(erasure.get("overdue")));
        }
    }
}
