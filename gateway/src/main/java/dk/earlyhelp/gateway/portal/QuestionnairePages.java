package dk.earlyhelp.gateway.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Answering a questionnaire with the child: one question a page, big answer buttons with a symbol
 * and the words, progress shown. Every answer is saved at once (plain form posts, no script
 * needed), so the child can pause and go on later from where they stopped.
 */
@Controller
class QuestionnairePages {

    static final String SERVICE = "measurement-service";
    static final Set<String> KINDS = Set.of("BACKGROUND", "BEFORE", "PROGRESS", "AFTER", "FOLLOW_UP", "FIDELITY");

    private final ServiceCalls services;

    QuestionnairePages(ServiceCalls services) {
        this.services = services;
    }

    /** Question {@code q} (1-based); without it, the first one not answered yet, or the review when all are. */
    @GetMapping("/spoergeskema/{referralId}/{kind}")
    String question(@ModelAttribute("user") PortalUser user, @PathVariable String referralId, @PathVariable String kind,
            @RequestParam(required = false) Integer q, HttpServletRequest request, Model model) {
        if (!allowed(user) || !KINDS.contains(kind) || !referralId.matches("[0-9a-f-]{36}")) {
            return allowed(user) ? "not-found" : "forbidden";
        }
        ServiceCalls.Outcome outcome = services.fetch(SERVICE, path(referralId, kind), PortalController.token(request));
        if (!outcome.succeeded()) {
            return failed(outcome, model);
        }
        Questionnaire questionnaire = Questionnaire.of(outcome.body());
        int total = questionnaire.questions().size();
        int number = q == null ? questionnaire.firstUnanswered() : Math.max(1, Math.min(q, total + 1));
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("referralId", referralId);
        model.addAttribute("kind", kind);
        model.addAttribute("total", total);
        model.addAttribute("answeredCount", questionnaire.answers().size());
        if (number > total) {
            return "questionnaire-review";
        }
        Question question = questionnaire.questions().get(number - 1);
        model.addAttribute("number", number);
        model.addAttribute("question", question);
        model.addAttribute("current", questionnaire.answers().get(question.code()));
        return "questionnaire";
    }

    /** Saves one answer (or skips the question) and goes on to the next. */
    @PostMapping("/spoergeskema/{referralId}/{kind}")
    String answer(@ModelAttribute("user") PortalUser user, @PathVariable String referralId, @PathVariable String kind,
            @RequestParam int q, @RequestParam String code, @RequestParam(required = false) String answer,
            HttpServletRequest request, Model model) {
        if (!allowed(user) || !KINDS.contains(kind) || !referralId.matches("[0-9a-f-]{36}")) {
            return allowed(user) ? "not-found" : "forbidden";
        }
        if (answer != null && !answer.isBlank()) {
            Map<String, Object> answers = new HashMap<>();
            answers.put(code, answer.matches("\\d") ? Integer.valueOf(answer) : answer);
            ServiceCalls.Outcome outcome = services.put(SERVICE, path(referralId, kind) + "/answers",
                    PortalController.token(request), Map.of("answers", answers));
            if (!outcome.succeeded()) {
                return failed(outcome, model);
            }
        }
        return "redirect:/spoergeskema/" + referralId + "/" + kind + "?q=" + (q + 1);
    }

    @PostMapping("/spoergeskema/{referralId}/{kind}/indsend")
    String submit(@ModelAttribute("user") PortalUser user, @PathVariable String referralId, @PathVariable String kind,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!allowed(user) || !KINDS.contains(kind) || !referralId.matches("[0-9a-f-]{36}")) {
            return allowed(user) ? "not-found" : "forbidden";
        }
        ServiceCalls.Outcome outcome = services.post(SERVICE, path(referralId, kind) + "/submission",
                PortalController.token(request), Map.of());
        if (!outcome.succeeded()) {
            return failed(outcome, model);
        }
        redirect.addFlashAttribute("notice", "questionnaire.submitted");
        return user.caller().hasRole("VOLUNTEER") ? "redirect:/mine-boern" : "redirect:/indbakke/" + referralId;
    }

    /** A child's checklist for a page, or null when it cannot be shown (not started, not measured here). */
    static Map<String, Object> checklist(ServiceCalls services, String referralId, HttpServletRequest request) {
        ServiceCalls.Outcome outcome = services.fetch(SERVICE, "/api/measurements/enrolments/" + referralId
                + "/checklist", PortalController.token(request));
        return outcome.succeeded() ? outcome.body() : null;
    }

    private static String failed(ServiceCalls.Outcome outcome, Model model) {
        if (outcome.status() == 404) {
            return "not-found";
        }
        if (outcome.status() == 403 && !String.valueOf(outcome.body().get("type")).endsWith("/consent-required")) {
            return "forbidden";
        }
        model.addAttribute("problem", outcome.unavailable() ? "unavailable"
                : String.valueOf(outcome.body().get("type")).endsWith("/consent-required") ? "questionnaire.noConsent"
                : "questionnaire.error");
        return "questionnaire-problem";
    }

    private static String path(String referralId, String kind) {
        return "/api/measurements/enrolments/" + referralId + "/questionnaires/" + kind;
    }

    private static boolean allowed(PortalUser user) {
        return user != null && (user.caller().hasRole("VOLUNTEER") || user.caller().hasRole("NGO_COORDINATOR"));
    }

    /** The questionnaire as measurement-service gives it. */
    public record Questionnaire(String kind, List<Question> questions, Map<String, Object> answers) {

        @SuppressWarnings("unchecked")
        static Questionnaire of(Map<String, Object> body) {
            List<Question> questions = new ArrayList<>();
            for (Map<String, Object> question : (List<Map<String, Object>>) body.get("questions")) {
                List<Option> options = ((List<Map<String, Object>>) question.get("options")).stream()
                        .map(option -> new Option(String.valueOf(option.get("value")), (String) option.get("da"),
                                (String) option.get("en")))
                        .toList();
                questions.add(new Question((String) question.get("code"), (String) question.get("da"),
                        (String) question.get("en"), options));
            }
            Map<String, Object> answers = body.get("answers") instanceof Map<?, ?> saved
                    ? (Map<String, Object>) saved : Map.of();
            return new Questionnaire((String) body.get("kind"), questions, answers);
        }

        public int firstUnanswered() {
            for (int i = 0; i < questions.size(); i++) {
                if (!answers.containsKey(questions.get(i).code())) {
                    return i + 1;
                }
            }
            return questions.size() + 1;
        }
    }

    /**
     * @param options lowest first, each with a symbol of as many filled dots as its place on the scale
     */
    public record Question(String code, String da, String en, List<Option> options) {

        public String text(String language) {
            return "en".equals(language) ? en : da;
        }
    }

    public record Option(String value, String da, String en) {

        public String text(String language) {
            return "en".equals(language) ? en : da;
        }

        /** A symbol beside the words: ✓ ✗ ? for yes/no/unknown, filled dots for a scale's step. */
        public String symbol(int steps) {
            return switch (value) {
                case "YES" -> "✓";
                case "NO" -> "✗";
                case "UNKNOWN" -> "?";
                default -> {
                    int step = Integer.parseInt(value);
                    yield "●".repeat(step) + "○".repeat(Math.max(0, steps - step));
                }
            };
        }
    }
}
