package dk.earlyhelp.gateway.portal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The coordinator registers a child who came without a municipal referral (parents' own contact,
 * the NGO's outreach), for a partnership whose model lets the NGO recruit (B1, B3). The child then
 * waits in the inbox like a referred one.
 */
@Controller
@RequestMapping("/indbakke/registrer")
class RegistrationPages {

    private static final String SERVICE = "ngo-service";

    private final ServiceCalls services;

    RegistrationPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping
    String form(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        return page(user, RegistrationForm.EMPTY, Map.of(), request, model);
    }

    @PostMapping
    String register(@ModelAttribute("user") PortalUser user, @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        RegistrationForm form = RegistrationForm.of(fields);
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/ngo/inbox", PortalController.token(request),
                form.toRequest());
        if (outcome.succeeded()) {
            // Next the parents' consent: whether the municipality may learn of the child and answers may count.
            redirect.addFlashAttribute("notice", "registration.saved");
            return "redirect:/indbakke/" + outcome.body().get("referralId") + "/samtykke";
        }
        // Keep what the coordinator entered and say what to correct, field by field.
        return page(user, form, errorKeys(outcome), request, model);
    }

    /** The form with the caller's NGO's partnerships whose model lets the NGO recruit. */
    private String page(PortalUser user, RegistrationForm form, Map<String, String> errors,
            HttpServletRequest request, Model model) {
        ServiceCalls.Answer<List<Map<String, Object>>> partnerships = services.get(SERVICE, "/api/ngo/partnerships",
                PortalController.token(request), ServiceCalls.LIST, List.of());
        String ngo = user.caller().organisation();
        model.addAttribute("partnerships", partnerships.value().stream()
                .filter(partnership -> Boolean.TRUE.equals(partnership.get("ngoRecruits"))
                        && partnership.get("ngoCode").equals(ngo))
                .toList());
        model.addAttribute("unavailable", partnerships.unavailable());
        model.addAttribute("concernCodes", ReferralPages.CONCERNS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "registration";
    }

    /** The service's refusals as the form's fields and messages. */
    private static Map<String, String> errorKeys(ServiceCalls.Outcome outcome) {
        Map<String, String> keys = new LinkedHashMap<>();
        outcome.fieldErrors().keySet().forEach(field -> {
            String formField = formField(field);
            keys.putIfAbsent(formField, "registration.error." + formField);
        });
        Object type = outcome.body().get("type");
        String problem = type == null ? "" : type.toString().substring(type.toString().lastIndexOf('/') + 1);
        switch (problem) {
            case "ngo-may-not-recruit", "not-your-intervention" ->
                    keys.put("partnership", "registration.error.mayNotRecruit");
            case "safety-exclusion" -> keys.put("concerns", "registration.error.safetyExclusion");
            default -> {
                if (keys.isEmpty()) {
                    keys.put("form", outcome.unavailable() ? "unavailable" : "registration.error.general");
                }
            }
        }
        return keys;
    }

    /** The API's field (e.g. {@code languages[0]}, {@code municipalityCode}) as the form's. */
    private static String formField(String apiField) {
        String field = apiField.replaceAll("\\[.*$", "");
        return "interventionCode".equals(field) || "municipalityCode".equals(field) ? "partnership" : field;
    }

    private static boolean allowed(PortalUser user) {
        return user != null && user.caller().hasRole("NGO_COORDINATOR");
    }

    /**
     * The form as posted: the partnership as its id ({@code <intervention>-<municipality>}), the
     * languages as the coordinator typed them ("ar, so").
     */
    record RegistrationForm(String partnership, String source, String childAge, String childGender,
                            List<String> concerns, String postcode, String languages, String urgency) {

        static final RegistrationForm EMPTY = new RegistrationForm(null, null, null, null, List.of(), null, null,
                "NORMAL");

        static RegistrationForm of(MultiValueMap<String, String> fields) {
            return new RegistrationForm(fields.getFirst("partnership"), fields.getFirst("source"),
                    fields.getFirst("childAge"), fields.getFirst("childGender"),
                    fields.getOrDefault("concerns", List.of()), fields.getFirst("postcode"),
                    fields.getFirst("languages"), fields.getFirst("urgency"));
        }

        public boolean hasConcern(String code) {
            return concerns.contains(code);
        }

        /** Blank fields are left out, so the service names what is missing; a number that is none goes as it is. */
        Map<String, Object> toRequest() {
            Map<String, Object> request = new LinkedHashMap<>();
            if (partnership != null && partnership.lastIndexOf('-') > 0) {
                request.put("interventionCode", partnership.substring(0, partnership.lastIndexOf('-')));
                request.put("municipalityCode", partnership.substring(partnership.lastIndexOf('-') + 1));
            }
            ReferralForm.put(request, "source", source);
            if (childAge != null && !childAge.isBlank()) {
                request.put("childAge", childAge.strip().matches("\\d{1,3}") ? Integer.valueOf(childAge.strip())
                        : -1);
            }
            ReferralForm.put(request, "childGender", childGender);
            request.put("concerns", concerns);
            ReferralForm.put(request, "postcode", postcode);
            if (languages != null && !languages.isBlank()) {
                request.put("languages", Arrays.stream(languages.split("[,\\s]+")).filter(code -> !code.isBlank())
                        .map(String::toLowerCase).toList());
            }
            ReferralForm.put(request, "urgency", urgency);
            return request;
        }
    }
}
