package dk.earlyhelp.gateway.portal;

import java.util.LinkedHashMap;
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

    /** Concern codes of the catalogue, in the order the form lists them. */
    static final List<String> CONCERNS = List.of("PARENTAL_DIVORCE", "PARENT_MENTAL_ILLNESS", "RELATIVE_MENTAL_ILLNESS",
            "RELATIVE_SUICIDAL_BEHAVIOUR", "REFUGEE_TRAUMA", "GENERAL_DISTRESS", "SCHOOL_ABSENCE", "LACKS_NETWORK",
            "LACKS_ADULT_CONTACT", "LOW_SELF_ESTEEM", "LONELINESS", "ANXIETY", "DEPRESSION", "SELF_HARM_THOUGHTS",
            "OWN_SUICIDE_ATTEMPT", "INTENSE_SUICIDAL_THOUGHTS_OR_PLANS");

    /** An empty form, or with {@code fra} the declined referral's child and the suggested offer (bridge-building). */
    @GetMapping("/ny")
    String newReferral(@ModelAttribute("user") PortalUser user, @RequestParam(name = "fra", required = false) String basedOn,
            HttpServletRequest request, Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ReferralForm form = ReferralForm.EMPTY;
        if (basedOn != null) {
            Map<String, Object> original = services.get(SERVICE, "/api/referrals/" + basedOn,
                    PortalController.token(request), ServiceCalls.OBJECT, null).value();
            form = original == null ? form : ReferralForm.reReferral(original);
        }
        return form(user, form, Map.of(), false, request, model);
    }

    /** Sends the referral, or keeps it as a draft; on errors the form comes back filled in, with what to correct. */
    @PostMapping("/ny")
    String create(@ModelAttribute("user") PortalUser user, @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ReferralForm form = ReferralForm.of(fields);
        boolean submit = !"draft".equals(fields.getFirst("action"));
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/referrals", PortalController.token(request),
                form.toRequest(submit));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", submit ? "referral.sent" : "referral.draftSaved");
            return "redirect:/henvisninger/" + outcome.body().get("id");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        outcome.fieldErrors().keySet().forEach(field -> errors.put(formField(field), "referralForm.error." + formField(field)));
        if (errors.isEmpty()) {
            errors.put("form", outcome.unavailable() ? "unavailable" : "referralForm.error.general");
        }
        return form(user, form, errors, outcome.status() == 409 && !outcome.unavailable()
                && String.valueOf(outcome.body().get("type")).endsWith("/duplicate-referral"), request, model);
    }

    private String form(PortalUser user, ReferralForm form, Map<String, String> errors, boolean possibleDuplicate,
            HttpServletRequest request, Model model) {
        List<Map<String, Object>> offers = services.get("ngo-service", "/api/ngo/interventions",
                PortalController.token(request), ServiceCalls.LIST, List.of()).value();
        model.addAttribute("offers", offers.stream()
                .filter(offer -> ((List<?>) offer.get("municipalities")).contains(user.caller().organisation()))
                .toList());
        model.addAttribute("concernCodes", CONCERNS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("possibleDuplicate", possibleDuplicate);
        return "referral-form";
    }

    /** The service names nested fields ({@code child.firstName}); the form's fields are flat. */
    private static String formField(String serviceField) {
        String field = serviceField.substring(serviceField.lastIndexOf('.') + 1);
        return field.startsWith("concerns") ? "concerns" : field;
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
