package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.earlyhelp.gateway.portal.CatalogueForms.MemberRow;
import dk.earlyhelp.gateway.portal.CatalogueForms.PartnershipForm;
import dk.earlyhelp.gateway.portal.CatalogueForms.TermsForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The administrator makes a partnership of an intervention with a municipality, and on its page
 * changes its collaboration model or sharing policy (a new version with the reason; the history
 * shows every version) and names its steering group. Each model is explained as catalog.json
 * describes it: who recruits, who delivers.
 */
@Controller
@RequestMapping("/katalog/samarbejder")
class CataloguePartnershipPages {

    private static final String ID = "[A-Z0-9_]{1,40}-\\d{4}";

    private final ServiceCalls services;

    CataloguePartnershipPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/ny")
    String newPartnership(@ModelAttribute("user") PortalUser user, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!CataloguePages.allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        return newPage(PartnershipForm.empty(), Map.of(), PortalController.token(request), model);
    }

    @PostMapping("/ny")
    String add(@ModelAttribute("user") PortalUser user, @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!CataloguePages.allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        PartnershipForm form = PartnershipForm.of(fields);
        ServiceCalls.Outcome outcome = services.post(CataloguePages.SERVICE, "/api/ngo/partnerships",
                PortalController.token(request), form.toRequest());
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "catalogue.partnership.added");
            return "redirect:/katalog/samarbejder/" + outcome.body().get("id");
        }
        return newPage(form, CatalogueForms.errors(outcome, "catalogue.partnership.",
                Map.of("partnership-exists", "interventionCode"), form.members()), PortalController.token(request),
                model);
    }

    @GetMapping("/{id}")
    String partnership(@ModelAttribute("user") PortalUser user, @PathVariable String id, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!CataloguePages.allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        return page(id, null, null, Map.of(), PortalController.token(request), response, model);
    }

    /** The new terms: a version appended to the history, with the reason. */
    @PostMapping("/{id}/vilkaar")
    String changeTerms(@ModelAttribute("user") PortalUser user, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!CataloguePages.allowed(user) || !id.matches(ID)) {
            return CataloguePages.forbidden(response);
        }
        TermsForm form = TermsForm.of(fields);
        ServiceCalls.Outcome outcome = services.post(CataloguePages.SERVICE, "/api/ngo/partnerships/" + id
                + "/versions", PortalController.token(request), form.toRequest());
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "catalogue.partnership.termsChanged");
            return "redirect:/katalog/samarbejder/" + id + "#historik";
        }
        return page(id, form, null, CatalogueForms.errors(outcome, "catalogue.terms.",
                Map.of("terms-unchanged", "model"), List.of()), PortalController.token(request), response, model);
    }

    @PostMapping("/{id}/styregruppe")
    String changeSteeringGroup(@ModelAttribute("user") PortalUser user, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!CataloguePages.allowed(user) || !id.matches(ID)) {
            return CataloguePages.forbidden(response);
        }
        List<MemberRow> rows = MemberRow.of(fields);
        ServiceCalls.Outcome outcome = services.put(CataloguePages.SERVICE, "/api/ngo/partnerships/" + id
                + "/steering-group", PortalController.token(request), Map.of("members", MemberRow.request(rows)));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "catalogue.partnership.steeringGroupChanged");
            return "redirect:/katalog/samarbejder/" + id + "#styregruppe";
        }
        return page(id, null, rows, CatalogueForms.errors(outcome, "catalogue.partnership.", Map.of(), rows),
                PortalController.token(request), response, model);
    }

    /**
     * The partnership with its history and the two forms: as posted, where one was refused; else
     * the terms as they are and the members with blank rows to add.
     */
    private String page(String id, TermsForm terms, List<MemberRow> members, Map<String, String> errors, Jwt token,
            HttpServletResponse response, Model model) {
        ServiceCalls.Outcome partnership = id.matches(ID)
                ? services.fetch(CataloguePages.SERVICE, "/api/ngo/partnerships/" + id, token) : null;
        if (partnership == null || !partnership.succeeded()) {
            response.setStatus(partnership != null && partnership.unavailable() ? 503 : 404);
            return partnership != null && partnership.unavailable() ? "error" : "not-found";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> history = services.get(CataloguePages.SERVICE,
                "/api/ngo/partnerships/" + id + "/versions", token, ServiceCalls.LIST, List.of());
        Map<String, Object> current = partnership.body();
        model.addAttribute("partnership", current);
        model.addAttribute("municipalityName", municipalityName(token, String.valueOf(current.get("municipalityCode"))));
        model.addAttribute("history", versions(history.value()));
        model.addAttribute("historyUnavailable", history.unavailable());
        model.addAttribute("terms", terms != null ? terms : new TermsForm(String.valueOf(current.get("model")),
                String.valueOf(current.get("progressSharing")), null));
        model.addAttribute("members", members != null ? members
                : MemberRow.withBlankRows(current.get("steeringGroup")));
        model.addAttribute("errors", errors);
        model.addAttribute("termsErrors", errors.keySet().stream().noneMatch(field -> field.startsWith("member-")));
        model.addAttribute("models", CatalogueForms.MODELS);
        model.addAttribute("sharing", CatalogueForms.SHARING);
        return "catalogue-partnership";
    }

    private String newPage(PartnershipForm form, Map<String, String> errors, Jwt token, Model model) {
        var interventions = services.get(CataloguePages.SERVICE, "/api/ngo/interventions", token, ServiceCalls.LIST,
                List.of());
        var municipalities = services.get(CataloguePages.SERVICE, "/api/ngo/municipalities", token,
                ServiceCalls.LIST, List.of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("interventions", interventions.value());
        model.addAttribute("municipalities", municipalities.value());
        model.addAttribute("unavailable", interventions.unavailable() || municipalities.unavailable());
        model.addAttribute("models", CatalogueForms.MODELS);
        model.addAttribute("sharing", CatalogueForms.SHARING);
        return "catalogue-partnership-new";
    }

    private String municipalityName(Jwt token, String code) {
        return services.get(CataloguePages.SERVICE, "/api/ngo/municipalities", token, ServiceCalls.LIST, List.of())
                .value().stream().filter(municipality -> code.equals(municipality.get("code")))
                .map(municipality -> String.valueOf(municipality.get("name"))).findFirst().orElse(code);
    }

    /** The versions newest first, as the page lists them. */
    private static List<Version> versions(List<Map<String, Object>> versions) {
        return versions.stream().map(Version::of).sorted((a, b) -> Integer.compare(b.number(), a.number())).toList();
    }

    /** One version of the partnership's terms as the page shows it. */
    public record Version(int number, String validFrom, String model, String progressSharing, String changedBy,
                          String reason, String recordedAt) {

        static Version of(Map<String, Object> version) {
            return new Version(((Number) version.get("number")).intValue(), (String) version.get("validFrom"),
                    (String) version.get("model"), (String) version.get("progressSharing"),
                    (String) version.get("changedBy"), (String) version.get("reason"),
                    version.get("recordedAt") == null ? null : Rows.time(version.get("recordedAt")));
        }
    }
}
