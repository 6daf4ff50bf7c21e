package dk.earlyhelp.gateway.portal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** A municipal professional's referrals: the list, one referral's timeline, and withdrawing it. */
@Controller
@RequestMapping("/henvisninger")
class ReferralPages {

    private static final String SERVICE = "referral-service";
    private final ServiceCalls services;
    private final OfferViews views;
    private final ConsentStep consentStep;
    private final ColleagueChoices colleagues;

    ReferralPages(ServiceCalls services, OfferViews views, ConsentStep consentStep, ColleagueChoices colleagues) {
        this.services = services;
        this.views = views;
        this.consentStep = consentStep;
        this.colleagues = colleagues;
    }

    /** The user's own referrals and those they follow; with {@code visning=team} a team lead's team's. */
    @GetMapping
    String list(@ModelAttribute("user") PortalUser user, @RequestParam(name = "visning", required = false) String view,
            HttpServletRequest request, Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        boolean team = "team".equals(view) && user.caller().leadsTeam();
        ServiceCalls.Answer<Map<String, Object>> page = services.get(SERVICE,
                "/api/referrals?size=100" + (team ? "&scope=TEAM" : ""), PortalController.token(request),
                ServiceCalls.OBJECT, Map.of("items", List.of()));
        model.addAttribute("referrals", Rows.items(page.value()).stream().map(Rows::referral).toList());
        model.addAttribute("followed", team ? List.of() : services.get(SERVICE, "/api/referrals/following",
                PortalController.token(request), ServiceCalls.LIST, List.<Map<String, Object>>of()).value().stream()
                .map(Rows::referral).toList());
        model.addAttribute("registered", team ? List.of() : registeredChildren(request));
        model.addAttribute("teamView", team);
        model.addAttribute("unavailable", page.unavailable());
        return "referrals";
    }

    /**
     * A child an NGO registered itself (parents' own contact, outreach), shown to the municipality only
     * while the parents' consent lets the NGO tell it (DOMAIN.md); codes only, no name.
     */
    public record RegisteredChild(String childId, String interventionCode, String ngoCode, String source,
                                  String registeredAt, String consentValidUntil, List<String> categories) {
    }

    @SuppressWarnings("unchecked")
    private List<RegisteredChild> registeredChildren(HttpServletRequest request) {
        return services.get(ConsentStep.SERVICE, "/api/consents/registered-children", PortalController.token(request),
                        ServiceCalls.LIST, List.<Map<String, Object>>of()).value().stream()
                .map(child -> new RegisteredChild((String) child.get("childId"), (String) child.get("interventionCode"),
                        (String) child.get("ngoCode"), (String) child.get("source"),
                        Rows.time(child.get("registeredAt")), (String) child.get("consentValidUntil"),
                        (List<String>) child.getOrDefault("categories", List.of())))
                .toList();
    }

    /** Concern codes of the catalogue, in the order the form lists them. */
    static final List<String> CONCERNS = List.of("PARENTAL_DIVORCE", "PARENT_MENTAL_ILLNESS", "RELATIVE_MENTAL_ILLNESS",
            "RELATIVE_SUICIDAL_BEHAVIOUR", "REFUGEE_TRAUMA", "GENERAL_DISTRESS", "SCHOOL_ABSENCE", "LACKS_NETWORK",
            "LACKS_ADULT_CONTACT", "LOW_SELF_ESTEEM", "LONELINESS", "ANXIETY", "DEPRESSION", "SELF_HARM_THOUGHTS",
            "OWN_SUICIDE_ATTEMPT", "INTENSE_SUICIDAL_THOUGHTS_OR_PLANS");

    /**
     * An empty form; with {@code tilbud} (and the search's gender and concerns) for an offer found in
     * the search; with {@code fra} the earlier referral's child (bridge-building), to the suggested offer if any.
     */
    @GetMapping("/ny")
    String newReferral(@ModelAttribute("user") PortalUser user, @RequestParam(name = "fra", required = false) String basedOn,
            @RequestParam(name = "tilbud", required = false) String offer,
            @RequestParam(name = "koen", required = false) String gender,
            @RequestParam(name = "bekymring", required = false) List<String> concerns,
            HttpServletRequest request, Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ReferralForm form = offer == null ? ReferralForm.EMPTY : ReferralForm.forOffer(offer, gender, concerns);
        if (basedOn != null) {
            Map<String, Object> original = services.get(SERVICE, "/api/referrals/" + basedOn,
                    PortalController.token(request), ServiceCalls.OBJECT, null).value();
            form = original == null ? form : ReferralForm.reReferral(original);
        }
        return form(user, form, Map.of(), Problem.NONE, request, model);
    }

    /** Goes on with a saved draft: the address the form moves to once it has saved, so a reopened tab finds it. */
    @GetMapping("/{id}/rediger")
    String editDraft(@ModelAttribute("user") PortalUser user, @PathVariable String id, HttpServletRequest request,
            Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        Map<String, Object> draft = services.get(SERVICE, "/api/referrals/" + id, PortalController.token(request),
                ServiceCalls.OBJECT, null).value();
        if (draft == null || !"DRAFT".equals(draft.get("status"))) {
            return "redirect:/henvisninger/" + id;
        }
        return form(user, ReferralForm.fromReferral(draft), Map.of(), Problem.NONE, request, model);
    }

    /**
     * Saves the form into its draft as the referrer types (called by the page's script). Fields the
     * service refuses while still being typed (half a CPR number) are left out, so the rest is kept.
     */
    @PostMapping(value = "/kladde", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> autosave(@ModelAttribute("user") PortalUser user,
            @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request) {
        if (!allowed(user)) {
            return ResponseEntity.status(403).build();
        }
        ReferralForm form = ReferralForm.of(fields);
        ServiceCalls.Outcome outcome = saveDraft(form, request);
        Set<String> refused = Set.of();
        if (outcome.status() == 400) {
            refused = outcome.fieldErrors().keySet().stream().map(ReferralPages::formField).collect(Collectors.toSet());
            outcome = saveDraft(form.without(refused), request);
        }
        if (!outcome.succeeded()) {
            return ResponseEntity.status(outcome.unavailable() ? 503 : 409).body(Map.of("saved", false));
        }
        return ResponseEntity.ok(Map.of("saved", true, "id", outcome.body().get("id"), "notSaved", refused,
                "savedAt", LocalTime.now(ZoneId.of("Europe/Copenhagen")).format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
    }

    /** The child's fit with the chosen offer, as a piece of the form page the script puts in place. */
    @PostMapping("/egnethed")
    String eligibility(@ModelAttribute("user") PortalUser user, @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request, Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        model.addAttribute("eligibility", check(ReferralForm.of(fields), request));
        model.addAttribute("form", ReferralForm.of(fields));
        model.addAttribute("errors", Map.of());
        return "referral-form :: eligibility";
    }

    /**
     * Saves the form into its draft and sends it, or only saves it ("Gem som kladde"). On errors the
     * form comes back filled in with what to correct, and the draft keeps what was given.
     */
    @PostMapping("/ny")
    String create(@ModelAttribute("user") PortalUser user, @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ReferralForm form = ReferralForm.of(fields);
        ServiceCalls.Outcome saved = saveDraft(form, request);
        if (!saved.succeeded()) {
            return failed(user, form, saved, request, model);
        }
        form = form.withDraftId((String) saved.body().get("id"));
        if ("draft".equals(fields.getFirst("action"))) {
            redirect.addFlashAttribute("notice", "referral.draftSaved");
            return "redirect:/henvisninger/" + form.draftId();
        }
        Map<String, Object> submit = new LinkedHashMap<>();
        submit.put("confirmDuplicate", form.confirmDuplicate());
        ReferralForm.put(submit, "overrideReason", form.overrideReason());
        ServiceCalls.Outcome sent = services.post(SERVICE, "/api/referrals/" + form.draftId() + "/submit",
                PortalController.token(request), submit);
        if (sent.succeeded()) {
            redirect.addFlashAttribute("notice", "referral.sent");
            return "redirect:/henvisninger/" + form.draftId();
        }
        return failed(user, form, sent, request, model);
    }

    private ServiceCalls.Outcome saveDraft(ReferralForm form, HttpServletRequest request) {
        return form.draftId() == null || form.draftId().isBlank()
                ? services.post(SERVICE, "/api/referrals/drafts", PortalController.token(request), form.toRequest())
                : services.put(SERVICE, "/api/referrals/" + form.draftId(), PortalController.token(request),
                        form.toRequest());
    }

    private String failed(PortalUser user, ReferralForm form, ServiceCalls.Outcome outcome, HttpServletRequest request,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        outcome.fieldErrors().keySet().forEach(field -> errors.put(formField(field), "referralForm.error." + formField(field)));
        Problem problem = Problem.of(outcome);
        if (problem == Problem.EXCLUDED) {
            errors.put("eligibility", "referralForm.error.excluded");
        } else if (problem == Problem.OVERRIDE_REQUIRED) {
            errors.put("overrideReason", "referralForm.error.overrideReason");
        } else if (errors.isEmpty() && problem != Problem.DUPLICATE) {
            errors.put("form", outcome.unavailable() ? "unavailable" : "referralForm.error.general");
        }
        return form(user, form, errors, problem, request, model);
    }

    /** The refusals the form explains in its own way. */
    enum Problem {
        NONE, DUPLICATE, EXCLUDED, OVERRIDE_REQUIRED, OTHER;

        static Problem of(ServiceCalls.Outcome outcome) {
            String type = outcome.unavailable() ? "" : String.valueOf(outcome.body().get("type"));
            return type.endsWith("/duplicate-referral") ? DUPLICATE
                    : type.endsWith("/eligibility-excluded") ? EXCLUDED
                    : type.endsWith("/eligibility-override-required") ? OVERRIDE_REQUIRED : OTHER;
        }
    }

    private String form(PortalUser user, ReferralForm form, Map<String, String> errors, Problem problem,
            HttpServletRequest request, Model model) {
        List<Map<String, Object>> offers = services.get(SERVICE, "/api/referrals/offers",
                PortalController.token(request), ServiceCalls.LIST, List.of()).value();
        model.addAttribute("offers", offers);
        model.addAttribute("concernCodes", CONCERNS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("possibleDuplicate", problem == Problem.DUPLICATE);
        model.addAttribute("eligibility", check(form, request));
        return "referral-form";
    }

    /** The child's fit with the chosen offer, or null while no offer is chosen or the check cannot be made. */
    private OfferViews.EligibilityView check(ReferralForm form, HttpServletRequest request) {
        if (form.interventionCode() == null || form.interventionCode().isBlank()) {
            return null;
        }
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/referrals/eligibility",
                PortalController.token(request), form.toEligibilityQuestion());
        return outcome.succeeded() ? views.eligibility(outcome.body()) : null;
    }

    /** The service names nested fields ({@code child.firstName}); the form's fields are flat. */
    private static String formField(String serviceField) {
        if (serviceField.startsWith("custodyHolders")) {
            return "custodyHolders";
        }
        String field = serviceField.substring(serviceField.lastIndexOf('.') + 1);
        return field.startsWith("concerns") ? "concerns" : field;
    }

    String show(PortalUser user, String id, HttpServletRequest request, Model model) {
        return show(user, id, null, request, model);
    }

    /** One referral; {@code kollega} searches the colleagues the referrer may let follow it. */
    @GetMapping("/{id}")
    String show(@ModelAttribute("user") PortalUser user, @PathVariable String id,
            @RequestParam(name = "kollega", required = false) String colleagueSearch, HttpServletRequest request,
            Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        model.addAttribute("directory", colleagues.available());
        model.addAttribute("colleagueSearch", colleagueSearch == null ? "" : colleagueSearch.strip());
        model.addAttribute("colleagueSearchTooShort", colleagueSearch != null
                && colleagueSearch.strip().length() < ColleagueChoices.MIN_LENGTH);
        model.addAttribute("colleagues", colleagues.search(user.caller(), colleagueSearch));
        model.addAttribute("followerRoles", ColleagueChoices.ROLES);
        ServiceCalls.Answer<Map<String, Object>> referral = services.get(SERVICE, "/api/referrals/" + id,
                PortalController.token(request), ServiceCalls.OBJECT, null);
        if (referral.value() == null) {
            model.addAttribute("unavailable", true);
            return "referrals";
        }
        model.addAttribute("referral", Rows.referralDetail(referral.value()));
        model.addAttribute("consent", consentStep.view(referral.value(), PortalController.token(request)));
        model.addAttribute("concerns", services.get(SERVICE, "/api/referrals/" + id + "/concern-notifications",
                PortalController.token(request), ServiceCalls.LIST, List.<Map<String, Object>>of()).value().stream()
                .map(ConcernPages.Concern::of).toList());
        return "referral";
    }

    /** The referrer lets another professional around the child follow the referral. */
    @PostMapping("/{id}/foelgere")
    String addFollower(@ModelAttribute("user") PortalUser user, @PathVariable String id,
            @RequestParam Map<String, String> fields, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        Map<String, Object> follower = new LinkedHashMap<>();
        if (colleagues.available()) {
            // The chosen colleague's address and role come from the directory, never from the browser.
            var chosen = colleagues.chosen(user.caller(), fields.get("colleague"));
            if (chosen.isEmpty()) {
                return followerProblem(user, id, fields, Map.of("follower-colleague",
                        "referral.followers.error.colleague"), request, model);
            }
            follower.put("email", chosen.get().email());
            follower.put("role", chosen.get().staffRole());
        } else {
            ReferralForm.put(follower, "email", fields.get("followerEmail"));
            ReferralForm.put(follower, "role", fields.get("followerRole"));
        }
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/referrals/" + id + "/followers",
                PortalController.token(request), follower);
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "referral.followers.added");
            return "redirect:/henvisninger/" + id;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        outcome.fieldErrors().keySet().forEach(field -> errors.put("follower-" + field, "referral.followers.error." + field));
        if (errors.isEmpty()) {
            errors.put("follower-form", outcome.unavailable() ? "unavailable"
                    : "follower-not-consented".equals(outcome.problemType()) ? "referral.followers.error.notConsented"
                    : "consent-unavailable".equals(outcome.problemType()) ? "consent.unavailable"
                    : "referralForm.error.general");
        }
        return followerProblem(user, id, fields, errors, request, model);
    }

    private String followerProblem(PortalUser user, String id, Map<String, String> fields, Map<String, String> errors,
            HttpServletRequest request, Model model) {
        model.addAttribute("followerErrors", errors);
        model.addAttribute("followerForm", fields);
        return show(user, id, fields.get("kollega"), request, model);
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
