package dk.earlyhelp.gateway.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The custody holder's personal link, without an account: read what will be shared with whom
 * and why, tick purposes and categories, give or refuse consent; later withdraw it through the
 * link in the confirmation e-mail. The link's secret is the only credential, checked by the
 * consent service; this page never logs it.
 */
@Controller
@RequestMapping("/samtykke/{token}")
class ConsentLinkPages {

    private final ServiceCalls services;

    ConsentLinkPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return render(services.fetch(ConsentStep.SERVICE, path(token), null), token, model, response);
    }

    /** Gives (with what the custody holder ticked) or refuses consent; the link is then used. */
    @PostMapping
    String decide(@PathVariable String token, @RequestParam MultiValueMap<String, String> fields, Model model,
            HttpServletResponse response) {
        boolean give = "GIVE".equals(fields.getFirst("decision"));
        List<String> purposes = ConsentStep.withRequired(fields.get("purposes"), ConsentStep.PURPOSES);
        List<String> categories = ConsentStep.withRequired(fields.get("categories"), ConsentStep.CATEGORIES);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decision", give ? "GIVE" : "REFUSE");
        decision.put("purposes", purposes);
        decision.put("categories", categories);
        ServiceCalls.Outcome outcome = services.post(ConsentStep.SERVICE, path(token), null, decision);
        if (outcome.succeeded()) {
            model.addAttribute("done", give ? "link.given" : "link.refused");
        }
        return render(outcome.succeeded() ? outcome : services.fetch(ConsentStep.SERVICE, path(token), null),
                token, model, response, outcome);
    }

    @PostMapping("/tilbagetraek")
    String withdraw(@PathVariable String token, @RequestParam(defaultValue = "false") boolean confirmed, Model model,
            HttpServletResponse response) {
        if (!confirmed) {
            model.addAttribute("withdrawError", "link.withdraw.confirmRequired");
            return show(token, model, response);
        }
        ServiceCalls.Outcome outcome = services.post(ConsentStep.SERVICE, path(token) + "/withdraw", null, Map.of());
        if (outcome.succeeded()) {
            model.addAttribute("done", "link.withdrawn");
        }
        return render(outcome.succeeded() ? outcome : services.fetch(ConsentStep.SERVICE, path(token), null),
                token, model, response, outcome);
    }

    private String render(ServiceCalls.Outcome link, String token, Model model, HttpServletResponse response) {
        return render(link, token, model, response, null);
    }

    /** The page for the link's state; {@code change} is the failed change to explain, if any. */
    @SuppressWarnings("unchecked")
    private String render(ServiceCalls.Outcome link, String token, Model model, HttpServletResponse response,
            ServiceCalls.Outcome change) {
        if (link.unavailable()) {
            response.setStatus(503);
            model.addAttribute("problem", "link.error");
            return "consent-link";
        }
        if (!link.succeeded()) {
            response.setStatus(link.status() == 410 ? 410 : 404);
            model.addAttribute("problem", link.status() == 410 ? "link.expired" : "link.notFound");
            return "consent-link";
        }
        if (change != null && !change.succeeded() && model.getAttribute("done") == null) {
            model.addAttribute("problem", change.status() == 409 ? "link.used"
                    : change.status() == 410 ? "link.expired" : "link.error");
        }
        model.addAttribute("token", token);
        model.addAttribute("link", new LinkView(link.body()));
        return "consent-link";
    }

    private static String path(String token) {
        // Only the characters of a base64url secret reach the service's URL.
        return "/api/consent-links/" + token.replaceAll("[^A-Za-z0-9_-]", "");
    }

    /** The link as the page shows it. */
    public record LinkView(Map<String, Object> body) {

        public String kind() {
            return (String) body.get("kind");
        }

        public String state() {
            return (String) body.get("state");
        }

        public String role() {
            return (String) body.get("role");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> consent() {
            return (Map<String, Object>) body.getOrDefault("consent", Map.of());
        }

        public String ngo() {
            Object name = consent().get("ngoName");
            return name == null ? String.valueOf(consent().get("ngoCode")) : name.toString();
        }

        public String intervention() {
            Object name = consent().get("interventionName");
            return name == null ? String.valueOf(consent().get("interventionCode")) : name.toString();
        }

        @SuppressWarnings("unchecked")
        public List<String> purposes() {
            return (List<String>) consent().getOrDefault("purposes", List.of());
        }

        @SuppressWarnings("unchecked")
        public List<String> categories() {
            return (List<String>) consent().getOrDefault("categories", List.of());
        }

        /** The professionals around the child, by role, whom the consent lets follow the referral. */
        @SuppressWarnings("unchecked")
        public List<String> followerRoles() {
            return (List<String>) consent().getOrDefault("followerRoles", List.of());
        }

        /** Required to give the offer at all; a child the NGO registered gets it without a consent. */
        public boolean required(String code) {
            return !registeredByNgo() && ConsentStep.REQUIRED.contains(code);
        }

        /** About a child the NGO registered itself: the parents sought the offer; the municipality asks nothing. */
        public boolean registeredByNgo() {
            return Boolean.TRUE.equals(consent().get("registeredByNgo"));
        }

        /** An open link to give (or refuse) consent. */
        public boolean asking() {
            return "GIVE".equals(kind()) && "OPEN".equals(state()) && "DRAFT".equals(consent().get("status"));
        }

        /** An open link to withdraw a consent in force, or one still waiting for the other custody holder. */
        public boolean withdrawable() {
            return "WITHDRAW".equals(kind()) && "OPEN".equals(state())
                    && ("ACTIVE".equals(consent().get("status")) || "DRAFT".equals(consent().get("status")));
        }
    }
}
