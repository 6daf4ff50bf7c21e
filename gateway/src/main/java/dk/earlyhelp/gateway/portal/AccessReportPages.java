package dk.earlyhelp.gateway.portal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The access report (CONSENT.md rule 11): who read which kinds of information about the child,
 * when and why. The custody holder opens it from the withdrawal link in their receipt, without an
 * account; municipal staff and the data protection officer look a child up by its pseudonym. The
 * consent service makes the report and audits each one it gives.
 */
@Controller
class AccessReportPages {

    private final ServiceCalls services;

    AccessReportPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/samtykke/{token}/indsigt")
    String forLinkHolder(@PathVariable String token, Model model, HttpServletResponse response) {
        // Only the characters of a base64url secret reach the service's URL.
        ServiceCalls.Outcome report = services.fetch(ConsentStep.SERVICE,
                "/api/consent-links/" + token.replaceAll("[^A-Za-z0-9_-]", "") + "/access-report", null);
        model.addAttribute("token", token);
        return render(report, model, response);
    }

    @GetMapping("/indsigt")
    String forStaff(@ModelAttribute("user") PortalUser user, @RequestParam(name = "barn", required = false) String childId,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        if (user == null || !user.caller().hasRole("ADMIN") && !user.caller().hasRole("MUNICIPAL_STAFF")) {
            return "forbidden";
        }
        model.addAttribute("staff", true);
        model.addAttribute("childId", childId);
        if (childId == null || childId.isBlank()) {
            return "access-report";
        }
        return render(services.fetch(ConsentStep.SERVICE, "/api/consents/access-report?childId="
                + childId.replaceAll("[^0-9a-fA-F-]", ""), PortalController.token(request)), model, response);
    }

    private static String render(ServiceCalls.Outcome report, Model model, HttpServletResponse response) {
        if (report.unavailable()) {
            response.setStatus(503);
            model.addAttribute("problem", "access.unavailable");
        } else if (!report.succeeded()) {
            response.setStatus(404);
            model.addAttribute("problem", "access.notFound");
        } else {
            model.addAttribute("report", Report.of(report.body()));
        }
        return "access-report";
    }

    /** The report as the page shows it: newest first, which is what a parent looks for. */
    public record Report(String generatedAt, List<Line> lines) {

        @SuppressWarnings("unchecked")
        static Report of(Map<String, Object> body) {
            List<Line> lines = new ArrayList<>(((List<Map<String, Object>>) body.getOrDefault("lines", List.of()))
                    .stream().map(Line::of).toList());
            Collections.reverse(lines);
            return new Report(Rows.time(body.get("generatedAt")), lines);
        }
    }

    /**
     * One access. The page names the organisation by {@code organisationName}, else by a message
     * for its code (a municipality), else the code; a holder's own use of their link says so.
     */
    public record Line(String at, String organisation, String organisationType, String organisationName,
                       String role, List<String> categories, String purpose, boolean denied) {

        @SuppressWarnings("unchecked")
        static Line of(Map<String, Object> line) {
            return new Line(Rows.time(line.get("at")), (String) line.get("organisation"),
                    (String) line.get("organisationType"), (String) line.get("organisationName"),
                    (String) line.get("role"), (List<String>) line.getOrDefault("categories", List.of()),
                    (String) line.get("purpose"), Boolean.TRUE.equals(line.get("denied")));
        }

        /** The custody holder's or young person's own use of a personal link. */
        public boolean byLinkHolder() {
            return organisationType == null && ("CUSTODY_HOLDER".equals(role) || "YOUNG_PERSON".equals(role));
        }
    }
}
