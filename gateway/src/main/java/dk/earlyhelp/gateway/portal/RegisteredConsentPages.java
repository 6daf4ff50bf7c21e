package dk.earlyhelp.gateway.portal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

import jakarta.servlet.http.HttpServletRequest;

/**
 * The parents' consent for a child the coordinator's NGO registered without a referral (B1/B3): may
 * the NGO tell the municipality about the child, and may the child's answers be collected and count
 * in statistics? The consent service records it with the municipality as controller and the NGO as
 * grantee, under the same rules as every consent (all custody holders, the young person from 15, a
 * withdrawal link for a parent who gives it by link). Without it the NGO still helps the child.
 */
@Controller
@RequestMapping("/indbakke/{referralId}/samtykke")
class RegisteredConsentPages {

    /** What such a child's parents are asked about; the NGO delivers the offer they sought without a consent. */
    static final List<String> PURPOSES = List.of("PROGRESS_TO_REFERRER", "OUTCOME_MEASUREMENT",
            "EVALUATION_STATISTICS");
    static final List<String> CATEGORIES = List.of("CONCERNS", "CHILD_VIEW", "WELLBEING_SCORES", "CONTACT");
    static final List<String> DEFAULTS = List.of("PROGRESS_TO_REFERRER", "OUTCOME_MEASUREMENT",
            "EVALUATION_STATISTICS", "CONCERNS", "WELLBEING_SCORES");
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final ServiceCalls services;
    private final ConsentStep consentStep;

    RegisteredConsentPages(ServiceCalls services, ConsentStep consentStep) {
        this.services = services;
        this.consentStep = consentStep;
    }

    @GetMapping
    String show(@ModelAttribute("user") PortalUser user, @PathVariable String referralId, HttpServletRequest request,
            Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        Jwt token = PortalController.token(request);
        Map<String, Object> child = registeredChild(referralId, token);
        if (child == null) {
            return "not-found";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> consents = services.get(ConsentStep.SERVICE,
                "/api/consents?childId=" + child.get("childId"), token, ServiceCalls.LIST, List.of());
        ConsentStep.Recorded recorded = consents.value().stream()
                .max(Comparator.comparing(consent -> String.valueOf(consent.get("createdAt"))))
                .map(ConsentStep.Recorded::of).orElse(null);
        Rows.InboxItem item = Rows.inboxItem(child);
        model.addAttribute("item", item);
        model.addAttribute("recorded", recorded);
        model.addAttribute("unavailable", consents.unavailable());
        model.addAttribute("canRecord", !consents.unavailable() && (recorded == null || recorded.ended()));
        if (!model.containsAttribute("consentForm")) {
            model.addAttribute("consentForm", Map.of("validUntil", LocalDate.now(DANISH).plusMonths(12).toString(),
                    "custodyHoldersRequired", "2",
                    "youngPersonRequired", String.valueOf(item.childAge() != null && item.childAge() >= 15)));
            model.addAttribute("ticked", DEFAULTS);
        }
        model.addAttribute("purposes", PURPOSES);
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("base", "/indbakke/" + referralId + "/samtykke");
        return "registered-consent";
    }

    @PostMapping
    String record(@ModelAttribute("user") PortalUser user, @PathVariable String referralId,
            @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        Jwt token = PortalController.token(request);
        Map<String, Object> child = registeredChild(referralId, token);
        if (child == null) {
            return "not-found";
        }
        boolean youngPerson = "true".equals(fields.getFirst("youngPersonRequired"));
        int holdersRequired = "1".equals(fields.getFirst("custodyHoldersRequired")) ? 1 : 2;
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("childId", child.get("childId"));
        consent.put("grantees", List.of(user.caller().organisation()));
        consent.put("interventionCode", child.get("interventionCode"));
        consent.put("purposes", ticked(fields, "purposes", PURPOSES));
        consent.put("categories", ticked(fields, "categories", CATEGORIES));
        consent.put("validFrom", LocalDate.now(DANISH).toString());
        String until = fields.getFirst("validUntil");
        consent.put("validUntil", until == null || until.isBlank() ? null : until);
        consent.put("custodyHoldersRequired", holdersRequired);
        consent.put("youngPersonRequired", youngPerson);
        consent.put("textVersion", ConsentStep.TEXT_VERSION);
        ServiceCalls.Outcome recorded = services.post(ConsentStep.SERVICE, "/api/consents", token, consent);
        if (!recorded.succeeded()) {
            // Keep what the coordinator ticked and say what to correct.
            model.addAttribute("consentForm", fields.toSingleValueMap());
            List<String> ticks = new ArrayList<>(fields.getOrDefault("purposes", List.of()));
            ticks.addAll(fields.getOrDefault("categories", List.of()));
            model.addAttribute("ticked", ticks);
            model.addAttribute("consentErrors", List.of(recorded.unavailable() ? "unavailable"
                    : recorded.fieldErrors().containsKey("validUntil") ? "consent.error.period"
                    : "consent-not-specific".equals(recorded.problemType()) ? "registeredConsent.error.notSpecific"
                    : "consent.error.notPossible"));
            return show(user, referralId, request, model);
        }
        String consentId = (String) recorded.body().get("id");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < holdersRequired; i++) {
            problems.addAll(consentStep.grantor(consentId, "CUSTODY_HOLDER", fields.getFirst("holder" + i),
                    fields.getFirst("holder" + i + "Email"), token));
        }
        if (youngPerson) {
            problems.addAll(consentStep.grantor(consentId, "YOUNG_PERSON", fields.getFirst("young"),
                    fields.getFirst("youngEmail"), token));
        }
        return problems.isEmpty() ? done(referralId, "consent.recorded", redirect)
                : again(user, referralId, problems, request, model);
    }

    /** One more grantor of a pending consent (or the young person's own): given to the coordinator, or by a link. */
    @PostMapping("/{consentId}/giver")
    String addGrantor(@ModelAttribute("user") PortalUser user, @PathVariable String referralId,
            @PathVariable String consentId, @RequestParam Map<String, String> fields, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        String role = "YOUNG_PERSON".equals(fields.get("role")) ? "YOUNG_PERSON" : "CUSTODY_HOLDER";
        List<String> problems = consentStep.grantor(consentId, role, fields.get("how"), fields.get("email"),
                PortalController.token(request));
        return problems.isEmpty() ? done(referralId, "LINK".equals(fields.get("how")) ? "consent.linkSent"
                : "consent.recorded", redirect) : again(user, referralId, problems, request, model);
    }

    /** A parent (or the young person) told the coordinator they withdraw; it takes effect at once. */
    @PostMapping("/{consentId}/tilbagetraek")
    String withdraw(@ModelAttribute("user") PortalUser user, @PathVariable String referralId,
            @PathVariable String consentId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Outcome outcome = services.post(ConsentStep.SERVICE, "/api/consents/" + consentId + "/withdraw",
                PortalController.token(request), Map.of());
        return outcome.succeeded() ? done(referralId, "consent.withdrawn", redirect) : again(user, referralId,
                List.of(outcome.unavailable() ? "unavailable" : "consent.error.notPossible"), request, model);
    }

    /** The child in the caller's NGO's inbox, if the NGO registered it itself; a referred child's consent is the municipality's. */
    private Map<String, Object> registeredChild(String referralId, Jwt token) {
        return services.get("ngo-service", "/api/ngo/inbox", token, ServiceCalls.LIST, List.<Map<String, Object>>of())
                .value().stream()
                .filter(item -> referralId.equals(item.get("referralId")) && item.get("source") != null
                        && !"MUNICIPAL_REFERRAL".equals(item.get("source")))
                .findFirst().orElse(null);
    }

    /** The ticked codes of one kind that are such codes, in the page's order. */
    private static List<String> ticked(MultiValueMap<String, String> fields, String name, List<String> codes) {
        List<String> ticked = fields.getOrDefault(name, List.of());
        return codes.stream().filter(ticked::contains).toList();
    }

    private static String done(String referralId, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/indbakke/" + referralId + "/samtykke";
    }

    private String again(PortalUser user, String referralId, List<String> problems, HttpServletRequest request,
            Model model) {
        model.addAttribute("consentErrors", problems);
        return show(user, referralId, request, model);
    }

    private static boolean allowed(PortalUser user) {
        return user != null && user.caller().hasRole("NGO_COORDINATOR");
    }
}
