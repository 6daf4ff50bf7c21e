package dk.earlyhelp.gateway.portal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The coordinator's capacity view: per intervention of their NGO, children against places, the
 * people, and what to recruit so the waiting children can start, in plain sentences.
 */
@Controller
class CapacityPages {

    private static final String SERVICE = "ngo-service";
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final ServiceCalls services;
    private final MessageSource messages;

    CapacityPages(ServiceCalls services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    @GetMapping("/kapacitet")
    String capacity(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (user == null || !user.caller().hasRole("NGO_COORDINATOR")) {
            return "forbidden";
        }
        Jwt token = PortalController.token(request);
        ServiceCalls.Answer<List<Map<String, Object>>> overview = services.get(SERVICE, "/api/ngo/capacity", token,
                ServiceCalls.LIST, List.of());
        Map<String, String> names = new HashMap<>();
        services.get(SERVICE, "/api/ngo/partnerships", token, ServiceCalls.LIST, List.<Map<String, Object>>of())
                .value().forEach(partnership -> names.put((String) partnership.get("interventionCode"),
                        (String) partnership.get("interventionName")));
        model.addAttribute("interventions", overview.value().stream()
                .map(intervention -> view(intervention, names)).toList());
        model.addAttribute("unavailable", overview.unavailable());
        return "capacity";
    }

    /** One intervention, its numbers as the page shows them. */
    record InterventionView(String code, String name, String kind, int places, int occupied, int waiting,
                            int freePlaces, String expectedStart, int active, int idle, int paused, int onboarding,
                            List<String> needs) {
    }

    @SuppressWarnings("unchecked")
    private InterventionView view(Map<String, Object> intervention, Map<String, String> names) {
        String code = (String) intervention.get("interventionCode");
        Map<String, Object> people = (Map<String, Object>) intervention.getOrDefault("people", Map.of());
        Object start = intervention.get("expectedStart");
        List<String> needs = ((List<Map<String, Object>>) intervention.getOrDefault("recruitment", List.of())).stream()
                .map(this::sentence).toList();
        return new InterventionView(code, names.getOrDefault(code, code), (String) intervention.get("kind"),
                number(intervention, "places"), number(intervention, "occupied"), number(intervention, "waiting"),
                number(intervention, "freePlaces"),
                start == null ? null : LocalDate.parse(start.toString()).format(DANISH_DATE),
                number(people, "active"), number(people, "idle"), number(people, "paused"),
                number(people, "onboarding"), needs);
    }

    /**
     * E.g. "Der mangler 3 mentorer, der taler arabisk, til børn på 10–13 år i Aarhus Kommune.
     * Børneattest kræves."
     */
    @SuppressWarnings("unchecked")
    private String sentence(Map<String, Object> need) {
        String municipality = text("municipality." + need.get("municipalityCode"));
        List<String> languages = (List<String>) need.getOrDefault("languages", List.of());
        String key = !"MENTORS".equals(need.get("need")) ? "capacity.need.seats"
                : languages == null || languages.isEmpty() ? "capacity.need.mentors" : "capacity.need.mentorsSpeaking";
        String sentence = text(key, number(need, "missing"), number(need, "ageMin"), number(need, "ageMax"),
                municipality, languages == null ? null : languageNames(languages));
        if (need.get("leadersAvailable") != null) {
            sentence += " " + text("capacity.need.leaders", number(need, "leadersAvailable"));
        }
        if (Boolean.TRUE.equals(need.get("certificateNeeded"))) {
            sentence += " " + text("capacity.need.certificate");
        }
        return sentence;
    }

    /** The languages in the reader's language, e.g. "arabisk eller somali". */
    private String languageNames(List<String> codes) {
        Locale reader = LocaleContextHolder.getLocale();
        List<String> names = codes.stream().map(code -> Locale.forLanguageTag(code).getDisplayLanguage(reader)).toList();
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " "
                + text("capacity.need.or") + " " + names.get(names.size() - 1);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    private static int number(Map<String, Object> values, String name) {
        Object value = values.get(name);
        return value instanceof Number number ? number.intValue() : 0;
    }
}
