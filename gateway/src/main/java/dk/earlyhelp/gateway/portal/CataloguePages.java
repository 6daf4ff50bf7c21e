package dk.earlyhelp.gateway.portal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

import dk.earlyhelp.gateway.portal.CatalogueForms.MunicipalityForm;
import dk.earlyhelp.gateway.portal.CatalogueForms.NgoForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The platform administrator's catalogue ("Katalog"): the NGOs, municipalities, interventions and
 * partnerships, with forms to add and change NGOs and municipalities here, interventions in
 * {@link CatalogueInterventionPages} and partnerships in {@link CataloguePartnershipPages}. The NGO
 * service decides; a refusal is shown in a summary and at each field, with everything entered kept.
 */
@Controller
@RequestMapping("/katalog")
class CataloguePages {

    static final String SERVICE = "ngo-service";
    /** Codes as the catalogue writes them; anything else in a path is not looked up. */
    static final String CODE = "[A-Z0-9_]{1,40}";

    private final ServiceCalls services;

    CataloguePages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping
    String overview(@ModelAttribute("user") PortalUser user, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        var token = PortalController.token(request);
        var ngos = services.get(SERVICE, "/api/ngo/ngos", token, ServiceCalls.LIST, List.of());
        var municipalities = services.get(SERVICE, "/api/ngo/municipalities", token, ServiceCalls.LIST, List.of());
        var interventions = services.get(SERVICE, "/api/ngo/interventions", token, ServiceCalls.LIST, List.of());
        var partnerships = services.get(SERVICE, "/api/ngo/partnerships", token, ServiceCalls.LIST, List.of());
        model.addAttribute("ngos", ngos.value());
        model.addAttribute("municipalities", municipalities.value());
        model.addAttribute("municipalityNames", names(municipalities.value()));
        model.addAttribute("interventions", interventions.value().stream()
                .sorted(Comparator.comparing(offer -> String.valueOf(offer.get("name")))).toList());
        model.addAttribute("partnerships", partnerships.value());
        model.addAttribute("unavailable", ngos.unavailable() || municipalities.unavailable()
                || interventions.unavailable() || partnerships.unavailable());
        return "catalogue";
    }

    // ---- NGOs -------------------------------------------------------------------------------

    @GetMapping("/organisationer/ny")
    String newNgo(@ModelAttribute("user") PortalUser user, HttpServletResponse response, Model model) {
        return allowed(user) ? ngoPage(NgoForm.EMPTY, true, Map.of(), model) : CataloguePages.forbidden(response);
    }

    @PostMapping("/organisationer/ny")
    String addNgo(@ModelAttribute("user") PortalUser user, @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        NgoForm form = NgoForm.of(fields);
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/ngo/ngos", PortalController.token(request),
                form.toRequest(true));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "catalogue.ngo.added");
            return "redirect:/katalog#organisationer";
        }
        return ngoPage(form, true, ngoErrors(outcome), model);
    }

    @GetMapping("/organisationer/{code}")
    String ngo(@ModelAttribute("user") PortalUser user, @PathVariable String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        Map<String, Object> found = code.matches(CODE) ? services.get(SERVICE, "/api/ngo/ngos",
                PortalController.token(request), ServiceCalls.LIST, List.of()).value().stream()
                .filter(ngo -> code.equals(ngo.get("code"))).findFirst().orElse(null) : null;
        if (found == null) {
            response.setStatus(404);
            return "not-found";
        }
        return ngoPage(NgoForm.of(found), false, Map.of(), model);
    }

    @PostMapping("/organisationer/{code}")
    String changeNgo(@ModelAttribute("user") PortalUser user, @PathVariable String code,
            @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        if (!allowed(user) || !code.matches(CODE)) {
            return CataloguePages.forbidden(response);
        }
        NgoForm posted = NgoForm.of(fields);
        NgoForm form = new NgoForm(code, posted.name(), posted.staffing(), posted.volunteerQualification(),
                posted.focus());
        ServiceCalls.Outcome outcome = services.put(SERVICE, "/api/ngo/ngos/" + code,
                PortalController.token(request), form.toRequest(false));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "catalogue.ngo.changed");
            return "redirect:/katalog#organisationer";
        }
        return ngoPage(form, false, ngoErrors(outcome), model);
    }

    private static String ngoPage(NgoForm form, boolean adding, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("adding", adding);
        model.addAttribute("errors", errors);
        model.addAttribute("staffing", CatalogueForms.STAFFING);
        model.addAttribute("qualifications", CatalogueForms.QUALIFICATIONS);
        return "catalogue-ngo";
    }

    private static Map<String, String> ngoErrors(ServiceCalls.Outcome outcome) {
        return CatalogueForms.errors(outcome, "catalogue.ngo.", Map.of("code-taken", "code"), List.of());
    }

    // ---- Municipalities ---------------------------------------------------------------------

    @GetMapping("/kommuner/ny")
    String newMunicipality(@ModelAttribute("user") PortalUser user, HttpServletResponse response, Model model) {
        return allowed(user) ? municipalityPage(MunicipalityForm.EMPTY, true, Map.of(), model) : CataloguePages.forbidden(response);
    }

    @PostMapping("/kommuner/ny")
    String addMunicipality(@ModelAttribute("user") PortalUser user, @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        MunicipalityForm form = MunicipalityForm.of(fields);
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/ngo/municipalities",
                PortalController.token(request), form.toRequest(true));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "catalogue.municipality.added");
            return "redirect:/katalog#kommuner";
        }
        return municipalityPage(form, true, municipalityErrors(outcome), model);
    }

    @GetMapping("/kommuner/{code}")
    String municipality(@ModelAttribute("user") PortalUser user, @PathVariable String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!allowed(user)) {
            return CataloguePages.forbidden(response);
        }
        Map<String, Object> found = code.matches("\\d{4}") ? services.get(SERVICE, "/api/ngo/municipalities",
                PortalController.token(request), ServiceCalls.LIST, List.of()).value().stream()
                .filter(municipality -> code.equals(municipality.get("code"))).findFirst().orElse(null) : null;
        if (found == null) {
            response.setStatus(404);
            return "not-found";
        }
        return municipalityPage(new MunicipalityForm(code, CatalogueForms.text(found.get("name"))), false, Map.of(),
                model);
    }

    @PostMapping("/kommuner/{code}")
    String renameMunicipality(@ModelAttribute("user") PortalUser user, @PathVariable String code,
            @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        if (!allowed(user) || !code.matches("\\d{4}")) {
            return CataloguePages.forbidden(response);
        }
        MunicipalityForm form = new MunicipalityForm(code, fields.getFirst("name"));
        ServiceCalls.Outcome outcome = services.put(SERVICE, "/api/ngo/municipalities/" + code,
                PortalController.token(request), form.toRequest(false));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "catalogue.municipality.changed");
            return "redirect:/katalog#kommuner";
        }
        return municipalityPage(form, false, municipalityErrors(outcome), model);
    }

    private static String municipalityPage(MunicipalityForm form, boolean adding, Map<String, String> errors,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("adding", adding);
        model.addAttribute("errors", errors);
        return "catalogue-municipality";
    }

    private static Map<String, String> municipalityErrors(ServiceCalls.Outcome outcome) {
        return CatalogueForms.errors(outcome, "catalogue.municipality.", Map.of("code-taken", "code"), List.of());
    }

    /** Municipality code to name, for the tables. */
    static Map<String, String> names(List<Map<String, Object>> municipalities) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        municipalities.forEach(municipality -> names.put(String.valueOf(municipality.get("code")),
                String.valueOf(municipality.get("name"))));
        return names;
    }

    /** The refusal page, with its status. */
    static String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "forbidden";
    }

    /** The platform's own administrator; an administrator of a municipality or an NGO does not keep the catalogue. */
    static boolean allowed(PortalUser user) {
        return user != null && user.caller().hasRole("ADMIN") && "PLATFORM".equals(user.caller().organisationType());
    }
}
