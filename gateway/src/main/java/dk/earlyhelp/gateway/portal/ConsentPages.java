package dk.earlyhelp.gateway.portal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The referrer's consent step: records the custody holders' consent for the referral's NGO in the
 * consent service (given on paper or verbally to the referrer) or sends each of them a personal
 * link to read and decide themselves; withdraws a consent a custody holder withdrew with staff.
 */
@Controller
@RequestMapping("/henvisninger/{id}/samtykke")
class ConsentPages {

    private static final String REFERRALS = "referral-service";
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final ServiceCalls services;
    private final ReferralPages referralPages;
    private final ConsentStep consentStep;

    ConsentPages(ServiceCalls services, ReferralPages referralPages, ConsentStep consentStep) {
        this.services = services;
        this.referralPages = referralPages;
        this.consentStep = consentStep;
    }

    @PostMapping
    @SuppressWarnings("unchecked")
    String record(@ModelAttribute("user") PortalUser user, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        Jwt token = PortalController.token(request);
        Map<String, Object> referral = services.get(REFERRALS, "/api/referrals/" + id, token, ServiceCalls.OBJECT, null)
                .value();
        String ngo = referral == null ? null : ngoOf((String) referral.get("interventionCode"), token);
        if (ngo == null) {
            return again(user, id, request, model, List.of("unavailable"));
        }
        List<String> purposes = ConsentStep.withRequired(fields.get("purposes"), ConsentStep.PURPOSES);
        List<String> categories = ConsentStep.withRequired(fields.get("categories"), ConsentStep.CATEGORIES);
        boolean youngPerson = "true".equals(fields.getFirst("youngPersonRequired"));
        Map<String, Object> consent = new LinkedHashMap<>();
        Map<String, Object> child = (Map<String, Object>) referral.get("child");
        consent.put("childId", child.get("id"));
        // The consent service applies the 15+ and 18 rules on the day it is asked, from the birth date.
        consent.put("childBirthDate", child.get("birthDate"));
        consent.put("referralId", id);
        consent.put("grantees", List.of(ngo));
        consent.put("interventionCode", referral.get("interventionCode"));
        consent.put("purposes", purposes);
        consent.put("categories", categories);
        // The colleagues around the child the custody holders let follow the referral, by role.
        consent.put("followerRoles", fields.getOrDefault("followerRoles", List.of()).stream()
                .filter(ColleagueChoices.ROLES::contains).distinct().toList());
        consent.put("validFrom", LocalDate.now(DANISH).toString());
        consent.put("validUntil", blankToNull(fields.getFirst("validUntil")));
        consent.put("custodyHoldersRequired", "1".equals(fields.getFirst("custodyHoldersRequired")) ? 1 : 2);
        consent.put("youngPersonRequired", youngPerson);
        consent.put("textVersion", ConsentStep.TEXT_VERSION);
        ServiceCalls.Outcome recorded = services.post(ConsentStep.SERVICE, "/api/consents", token, consent);
        if (!recorded.succeeded()) {
            model.addAttribute("consentForm", fields.toSingleValueMap());
            return again(user, id, request, model, List.of(recorded.unavailable() ? "unavailable"
                    : recorded.fieldErrors().containsKey("validUntil") || "consent-not-specific".equals(recorded.problemType())
                            ? "consent.error.period" : "referralForm.error.general"));
        }
        String consentId = (String) recorded.body().get("id");
        List<String> problems = new ArrayList<>();
        List<ConsentStep.Holder> holders = ((List<Map<String, Object>>) referral.getOrDefault("custodyHolders", List.of()))
                .stream().map(holder -> new ConsentStep.Holder((String) holder.get("name"), (String) holder.get("email")))
                .toList();
        for (int i = 0; i < holders.size(); i++) {
            problems.addAll(consentStep.grantor(consentId, "CUSTODY_HOLDER", fields.getFirst("holder" + i),
                    fields.getFirst("holder" + i + "Email"), token));
        }
        if (youngPerson) {
            problems.addAll(consentStep.grantor(consentId, "YOUNG_PERSON", fields.getFirst("young"), fields.getFirst("youngEmail"),
                    token));
        }
        if (!problems.isEmpty()) {
            return again(user, id, request, model, problems);
        }
        redirect.addFlashAttribute("notice", "consent.recorded");
        return "redirect:/henvisninger/" + id + "#consent-title";
    }

    /** One more grantor of a pending consent: given to the referrer, or asked for by a personal link. */
    @PostMapping("/{consentId}/giver")
    String addGrantor(@ModelAttribute("user") PortalUser user, @PathVariable String id, @PathVariable String consentId,
            @RequestParam Map<String, String> fields, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        String role = "YOUNG_PERSON".equals(fields.get("role")) ? "YOUNG_PERSON" : "CUSTODY_HOLDER";
        List<String> problems = consentStep.grantor(consentId, role, fields.get("how"), fields.get("email"),
                PortalController.token(request));
        if (!problems.isEmpty()) {
            return again(user, id, request, model, problems);
        }
        redirect.addFlashAttribute("notice", "LINK".equals(fields.get("how")) ? "consent.linkSent" : "consent.recorded");
        return "redirect:/henvisninger/" + id + "#consent-title";
    }

    /** A custody holder told the referrer they withdraw; it takes effect at once everywhere. */
    @PostMapping("/{consentId}/tilbagetraek")
    String withdraw(@ModelAttribute("user") PortalUser user, @PathVariable String id, @PathVariable String consentId,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Outcome outcome = services.post(ConsentStep.SERVICE, "/api/consents/" + consentId + "/withdraw",
                PortalController.token(request), Map.of());
        if (!outcome.succeeded()) {
            return again(user, id, request, model, List.of(outcome.unavailable() ? "unavailable"
                    : "consent.error.notPossible"));
        }
        redirect.addFlashAttribute("notice", "consent.withdrawn");
        return "redirect:/henvisninger/" + id + "#consent-title";
    }

    /** Asks again whether the consent now lets the referral go (e.g. after the consent service was down). */
    @PostMapping("/tjek")
    String recheck(@ModelAttribute("user") PortalUser user, @PathVariable String id, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Outcome outcome = services.post(REFERRALS, "/api/referrals/" + id + "/consent-check",
                PortalController.token(request), Map.of());
        if (!outcome.succeeded()) {
            return again(user, id, request, model, List.of(outcome.unavailable() ? "unavailable"
                    : "consent.error.notPossible"));
        }
        redirect.addFlashAttribute("notice", "GIVEN".equals(outcome.body().get("consentState"))
                ? "consent.sent" : "consent.stillMissing");
        return "redirect:/henvisninger/" + id + "#consent-title";
    }

    /** The NGO that delivers the intervention, from the offers the referrer may refer to. */
    private String ngoOf(String interventionCode, Jwt token) {
        return services.get(REFERRALS, "/api/referrals/offers", token, ServiceCalls.LIST, List.<Map<String, Object>>of())
                .value().stream()
                .filter(offer -> interventionCode != null && interventionCode.equals(offer.get("code")))
                .map(offer -> (String) offer.get("ngoCode"))
                .findFirst().orElse(null);
    }

    private String again(PortalUser user, String id, HttpServletRequest request, Model model, List<String> problems) {
        model.addAttribute("consentErrors", problems);
        return referralPages.show(user, id, request, model);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean allowed(PortalUser user) {
        return user != null && user.caller().hasRole("MUNICIPAL_STAFF");
    }
}
