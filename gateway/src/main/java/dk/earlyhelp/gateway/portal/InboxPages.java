package dk.earlyhelp.gateway.portal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An NGO coordinator's inbox: the referrals to the NGO's offers, deciding on one, and recording
 * the family's answer to a mentor proposed to them.
 */
@Controller
@RequestMapping("/indbakke")
class InboxPages {

    private static final String SERVICE = "ngo-service";
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final ServiceCalls services;

    InboxPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping
    String list(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> inbox = inbox(request);
        model.addAttribute("items", inbox.value().stream().map(Rows::inboxItem).toList());
        model.addAttribute("unavailable", inbox.unavailable());
        return "inbox";
    }

    @GetMapping("/{referralId}")
    String show(@ModelAttribute("user") PortalUser user, @PathVariable String referralId, HttpServletRequest request,
            Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> inbox = inbox(request);
        Map<String, Object> item = inbox.value().stream()
                .filter(candidate -> referralId.equals(candidate.get("referralId"))).findFirst().orElse(null);
        if (item == null) {
            model.addAttribute("items", List.of());
            model.addAttribute("unavailable", inbox.unavailable());
            return inbox.unavailable() ? "inbox" : "not-found";
        }
        Rows.InboxItem row = Rows.inboxItem(item);
        model.addAttribute("item", row);
        // What the referrer wrote (the child's view, a reason for referring outside the target group)
        // stays in the referral service; the NGO delivering the offer reads it from there. A child the
        // NGO registered itself has no referral there, and asking would only count against its breaker.
        model.addAttribute("referral", row.ownSource() != null ? null : services.get("referral-service",
                "/api/referrals/" + referralId + "/for-ngo", PortalController.token(request), ServiceCalls.OBJECT,
                null).value());
        // A better offer must be one the child's municipality has.
        model.addAttribute("offers", services.get(SERVICE, "/api/ngo/interventions", PortalController.token(request),
                ServiceCalls.LIST, List.<Map<String, Object>>of()).value().stream()
                .filter(offer -> ((List<?>) offer.get("municipalities")).contains(item.get("municipalityCode")))
                .toList());
        // Only a child who may take a seat needs the intervention's coming groups, soonest first.
        boolean seatable = !row.consentWithdrawn()
                && ("ACCEPTED".equals(row.status()) || "WAITLISTED".equals(row.status()));
        model.addAttribute("groups", !seatable ? List.of() : services.get(SERVICE, "/api/ngo/groups?intervention="
                + row.interventionCode(), PortalController.token(request), ServiceCalls.LIST,
                List.<Map<String, Object>>of()).value().stream()
                .map(GroupSeatPages.Group::of)
                .filter(group -> !LocalDate.parse(group.startDate()).isBefore(LocalDate.now(DANISH)))
                .sorted(Comparator.comparing(GroupSeatPages.Group::startDate))
                .toList());
        model.addAttribute("form", model.containsAttribute("form") ? model.getAttribute("form") : DecisionForm.EMPTY);
        // A mentor proposed to the family: who, so the coordinator can tell them, and the form for their answer.
        if (row.proposedVolunteerId() != null) {
            model.addAttribute("proposedName", services.get(SERVICE, "/api/ngo/volunteers/" + row.proposedVolunteerId(),
                    PortalController.token(request), ServiceCalls.OBJECT, Map.<String, Object>of()).value()
                    .getOrDefault("displayName", row.proposedVolunteerId()));
            model.addAttribute("answerForm", model.containsAttribute("answerForm") ? model.getAttribute("answerForm")
                    : FamilyAnswerForm.EMPTY);
        }
        // A started course's questionnaires: the coordinator sees the whole checklist and answers their own part.
        model.addAttribute("checklist", "STARTED".equals(row.status()) || "COMPLETED".equals(row.status())
                || "DROPPED_OUT".equals(row.status()) ? QuestionnairePages.checklist(services, referralId, request) : null);
        model.addAttribute("canAnswer", List.of("NGO_COORDINATOR", "VOLUNTEER"));
        return "decision";
    }

    @PostMapping("/{referralId}/decision")
    String decide(@ModelAttribute("user") PortalUser user, @PathVariable String referralId,
            @RequestParam Map<String, String> fields, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        DecisionForm form = DecisionForm.of(fields);
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/ngo/inbox/" + referralId + "/decision",
                PortalController.token(request), form.toRequest());
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "decision.saved." + form.decision());
            return "redirect:/indbakke";
        }
        // Keep what the coordinator entered and say what to correct, field by field.
        model.addAttribute("form", form);
        model.addAttribute("errors", outcome.unavailable() ? Map.of("form", "unavailable") : errorKeys(outcome));
        return show(user, referralId, request, model);
    }

    /**
     * The family's answer to the proposed mentor, as the coordinator heard it (by phone, at the
     * meeting). Errors keep what was entered and name each field to correct.
     */
    @PostMapping("/{referralId}/familiens-svar")
    String familyAnswer(@ModelAttribute("user") PortalUser user, @PathVariable String referralId,
            @RequestParam Map<String, String> fields, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        FamilyAnswerForm form = FamilyAnswerForm.of(fields);
        Map<String, String> errors = form.missing();
        ServiceCalls.Outcome outcome = errors.isEmpty() ? services.post(SERVICE, "/api/ngo/inbox/" + referralId
                + "/family-answer", PortalController.token(request), form.toRequest()) : null;
        if (outcome != null && outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "familyAnswer.saved." + form.answer());
            return "redirect:/indbakke";
        }
        if (outcome != null) {
            outcome.fieldErrors().keySet().forEach(field -> errors.put(field, "familyAnswer.error." + field));
            if (errors.isEmpty()) {
                errors.put("answer", outcome.unavailable() ? "unavailable" : outcome.status() == 409
                        ? "familyAnswer.error.alreadyAnswered" : "familyAnswer.error.general");
            }
        }
        model.addAttribute("answerForm", form);
        model.addAttribute("answerErrors", errors);
        return show(user, referralId, request, model);
    }

    private ServiceCalls.Answer<List<Map<String, Object>>> inbox(HttpServletRequest request) {
        return services.get(SERVICE, "/api/ngo/inbox", PortalController.token(request), ServiceCalls.LIST, List.of());
    }

    private static Map<String, String> errorKeys(ServiceCalls.Outcome outcome) {
        Map<String, String> keys = new LinkedHashMap<>();
        outcome.fieldErrors().keySet().forEach(field -> keys.put(field, "decision.error." + field));
        if (keys.isEmpty()) {
            keys.put("form", outcome.status() == 409 ? "decision.error.alreadyDecided" : "decision.error.general");
        }
        return keys;
    }

    private static boolean allowed(PortalUser user) {
        return user != null && user.caller().hasRole("NGO_COORDINATOR");
    }

    /** The family's answer as posted; empty fields are left out of the request. */
    record FamilyAnswerForm(String volunteerId, String answer, String answeredBy, String reason, String note,
                            String answeredOn) {

        static final FamilyAnswerForm EMPTY = new FamilyAnswerForm(null, null, null, null, null, null);

        static FamilyAnswerForm of(Map<String, String> fields) {
            return new FamilyAnswerForm(fields.get("volunteerId"), fields.get("answer"), fields.get("answeredBy"),
                    fields.get("reason"), fields.get("note"), fields.get("answeredOn"));
        }

        /** What the service would refuse anyway, asked here first so each error names its own field. */
        Map<String, String> missing() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (blank(answer)) {
                errors.put("answer", "familyAnswer.error.answer");
            }
            if (blank(answeredBy)) {
                errors.put("answeredBy", "familyAnswer.error.answeredBy");
            }
            if ("DECLINED".equals(answer) && blank(reason)) {
                errors.put("reason", "familyAnswer.error.reason");
            }
            return errors;
        }

        Map<String, Object> toRequest() {
            Map<String, Object> request = new LinkedHashMap<>();
            ReferralForm.put(request, "volunteerId", volunteerId);
            ReferralForm.put(request, "answer", answer);
            ReferralForm.put(request, "answeredBy", answeredBy);
            // A reason belongs to a no only: one left selected before switching to yes is not sent.
            ReferralForm.put(request, "reason", "DECLINED".equals(answer) ? reason : null);
            ReferralForm.put(request, "note", note);
            ReferralForm.put(request, "answeredOn", answeredOn);
            return request;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /** The decision form as posted; empty fields are left out of the request. */
    record DecisionForm(String decision, String reason, String explanation, String suggestedInterventionCode,
                        String expectedStart) {

        static final DecisionForm EMPTY = new DecisionForm(null, null, null, null, null);

        static DecisionForm of(Map<String, String> fields) {
            return new DecisionForm(fields.get("decision"), fields.get("reason"), fields.get("explanation"),
                    fields.get("suggestedInterventionCode"), fields.get("expectedStart"));
        }

        Map<String, Object> toRequest() {
            Map<String, Object> request = new LinkedHashMap<>();
            ReferralForm.put(request, "decision", decision);
            ReferralForm.put(request, "reason", reason);
            ReferralForm.put(request, "explanation", explanation);
            ReferralForm.put(request, "suggestedInterventionCode", suggestedInterventionCode);
            ReferralForm.put(request, "expectedStart", expectedStart);
            return request;
        }

    }
}
