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

import dk.earlyhelp.gateway.portal.CatalogueForms.InterventionForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The administrator adds and changes an intervention: its target group with its criteria, its
 * format (group course, course, mentoring, counselling) and figures, the dimensions it measures,
 * its step on the intervention staircase and its size. Its NGO is chosen once; partnerships are
 * made on {@link CataloguePartnershipPages}.
 */
@Controller
@RequestMapping("/katalog/tilbud")
class CatalogueInterventionPages {

    private final ServiceCalls services;

    CatalogueInterventionPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/ny")
    String newIntervention(@ModelAttribute("user") PortalUser user, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!CataloguePages.allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        return page(InterventionForm.EMPTY, true, Map.of(), PortalController.token(request), model);
    }

    @PostMapping("/ny")
    String add(@ModelAttribute("user") PortalUser user, @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!CataloguePages.allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        InterventionForm form = InterventionForm.of(fields);
        ServiceCalls.Outcome outcome = services.post(CataloguePages.SERVICE, "/api/ngo/interventions",
                PortalController.token(request), form.toRequest(true));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "catalogue.intervention.added");
            return "redirect:/katalog#tilbud";
        }
        return page(form, true, errors(outcome), PortalController.token(request), model);
    }

    @GetMapping("/{code}")
    String intervention(@ModelAttribute("user") PortalUser user, @PathVariable String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!CataloguePages.allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        ServiceCalls.Outcome found = code.matches(CataloguePages.CODE) ? services.fetch(CataloguePages.SERVICE,
                "/api/ngo/interventions/" + code, PortalController.token(request)) : null;
        if (found == null || !found.succeeded()) {
            response.setStatus(found != null && found.unavailable() ? 503 : 404);
            return found != null && found.unavailable() ? "error" : "not-found";
        }
        return page(InterventionForm.of(found.body()), false, Map.of(), PortalController.token(request), model);
    }

    @PostMapping("/{code}")
    String change(@ModelAttribute("user") PortalUser user, @PathVariable String code,
            @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        if (!CataloguePages.allowed(user) || !code.matches(CataloguePages.CODE)) {
            return CataloguePages.forbidden(response);
        }
        InterventionForm form = InterventionForm.of(fields);
        ServiceCalls.Outcome outcome = services.put(CataloguePages.SERVICE, "/api/ngo/interventions/" + code,
                PortalController.token(request), form.toRequest(false));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "catalogue.intervention.changed");
            return "redirect:/katalog#tilbud";
        }
        return page(form, false, errors(outcome), PortalController.token(request), model);
    }

    private String page(InterventionForm form, boolean adding, Map<String, String> errors, Jwt token, Model model) {
        var ngos = services.get(CataloguePages.SERVICE, "/api/ngo/ngos", token, ServiceCalls.LIST, List.of());
        var municipalities = services.get(CataloguePages.SERVICE, "/api/ngo/municipalities", token, ServiceCalls.LIST,
                List.of());
        model.addAttribute("form", form);
        model.addAttribute("adding", adding);
        model.addAttribute("errors", errors);
        model.addAttribute("ngos", ngos.value());
        model.addAttribute("municipalities", municipalities.value());
        model.addAttribute("unavailable", ngos.unavailable() || municipalities.unavailable());
        model.addAttribute("concernCodes", ReferralPages.CONCERNS);
        model.addAttribute("dimensions", CatalogueForms.DIMENSIONS);
        model.addAttribute("types", CatalogueForms.TYPES);
        model.addAttribute("formatKinds", CatalogueForms.FORMAT_KINDS);
        model.addAttribute("deliveredBy", CatalogueForms.DELIVERED_BY);
        model.addAttribute("staircase", CatalogueForms.STAIRCASE);
        return "catalogue-intervention";
    }

    private static Map<String, String> errors(ServiceCalls.Outcome outcome) {
        return CatalogueForms.errors(outcome, "catalogue.intervention.", Map.of("code-taken", "code"), List.of());
    }
}
