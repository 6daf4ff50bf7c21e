package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * For the administrator or data protection officer: one consent's versions, oldest first (who or
 * what changed it, its status, provisions and evidence), and which services confirmed erasure.
 * Linked from the erasures page; the consent service audits each look.
 */
@Controller
class ConsentHistoryPages {

    private final ServiceCalls services;

    ConsentHistoryPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/samtykker/{id}/historik")
    String history(@ModelAttribute("user") PortalUser user, @PathVariable String id, HttpServletRequest request,
            Model model, HttpServletResponse response) {
        if (user == null || !user.caller().hasRole("ADMIN")) {
            return "forbidden";
        }
        ServiceCalls.Outcome history = services.fetch(ConsentStep.SERVICE,
                "/api/consents/" + id.replaceAll("[^0-9a-fA-F-]", "") + "/history", PortalController.token(request));
        if (history.unavailable()) {
            response.setStatus(503);
            model.addAttribute("problem", "unavailable");
        } else if (!history.succeeded()) {
            response.setStatus(404);
            model.addAttribute("problem", "history.notFound");
        } else {
            model.addAttribute("history", History.of(history.body()));
        }
        return "consent-history";
    }

    /** The consent's history as the page shows it. */
    public record History(String id, String childId, String municipalityCode, String status, List<Version> versions,
                          List<String> confirmed, List<String> missing) {

        @SuppressWarnings("unchecked")
        static History of(Map<String, Object> body) {
            return new History((String) body.get("id"), (String) body.get("childId"),
                    (String) body.get("municipalityCode"), (String) body.get("status"),
                    ((List<Map<String, Object>>) body.getOrDefault("versions", List.of())).stream().map(Version::of)
                            .toList(),
                    ((List<Map<String, Object>>) body.getOrDefault("confirmations", List.of())).stream()
                            .map(confirmation -> confirmation.get("service") + " (" + Rows.time(confirmation.get("at"))
                                    + ")").toList(),
                    (List<String>) body.getOrDefault("missing", List.of()));
        }
    }

    /** One version: the change, by whom, and what the consent said after it. */
    public record Version(int number, String at, String change, String by, String grantorRole, String method,
                          String status, List<String> purposes, List<String> categories, String validUntil,
                          String textVersion) {

        @SuppressWarnings("unchecked")
        static Version of(Map<String, Object> version) {
            return new Version(((Number) version.get("number")).intValue(), Rows.time(version.get("at")),
                    (String) version.get("change"), (String) version.get("by"), (String) version.get("grantorRole"),
                    (String) version.get("method"), (String) version.get("status"),
                    ((List<String>) version.getOrDefault("purposes", List.of())).stream().sorted().toList(),
                    ((List<String>) version.getOrDefault("categories", List.of())).stream().sorted().toList(),
                    (String) version.get("validUntil"), (String) version.get("textVersion"));
        }
    }
}
