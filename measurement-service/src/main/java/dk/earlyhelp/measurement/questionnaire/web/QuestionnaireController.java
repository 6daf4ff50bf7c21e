package dk.earlyhelp.measurement.questionnaire.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.measurement.questionnaire.Checklist;
import dk.earlyhelp.measurement.questionnaire.QuestionnaireKind;
import dk.earlyhelp.measurement.questionnaire.QuestionnaireManagement;
import dk.earlyhelp.measurement.questionnaire.QuestionnaireView;
import dk.earlyhelp.measurement.questionnaire.Reminders;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.CurrentCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/measurements")
class QuestionnaireController {

    private final QuestionnaireManagement questionnaires;
    private final Reminders reminders;

    QuestionnaireController(QuestionnaireManagement questionnaires, Reminders reminders) {
        this.questionnaires = questionnaires;
        this.reminders = reminders;
    }

    @GetMapping("/enrolments/{referralId}/checklist")
    Checklist checklist(@PathVariable String referralId) {
        return questionnaires.checklist(CurrentCaller.get(), referralId);
    }

    /** The coordinator's overview; {@code overdue=true} keeps the children with an overdue questionnaire. */
    @GetMapping("/checklists")
    List<Checklist> checklists(@RequestParam(defaultValue = "false") boolean overdue) {
        return questionnaires.checklists(CurrentCaller.get(), overdue);
    }

    @GetMapping("/enrolments/{referralId}/questionnaires/{kind}")
    QuestionnaireView questionnaire(@PathVariable String referralId, @PathVariable String kind) {
        return questionnaires.questionnaire(CurrentCaller.get(), referralId, kind(kind));
    }

    /** Saves answers as the child goes: merged into what was saved, null takes an answer back. */
    @PutMapping("/enrolments/{referralId}/questionnaires/{kind}/answers")
    QuestionnaireView saveAnswers(@PathVariable String referralId, @PathVariable String kind,
            @Valid @RequestBody SaveAnswersRequest request) {
        return questionnaires.saveAnswers(CurrentCaller.get(), referralId, kind(kind), request.answers());
    }

    @PostMapping("/enrolments/{referralId}/questionnaires/{kind}/submission")
    QuestionnaireManagement.Submitted submit(@PathVariable String referralId, @PathVariable String kind) {
        return questionnaires.submit(CurrentCaller.get(), referralId, kind(kind));
    }

    @GetMapping("/reminders")
    List<ReminderResponse> reminders() {
        return reminders.open(CurrentCaller.get()).stream().map(ReminderResponse::of).toList();
    }

    /** @param answers question code to answer; a null answer takes one back */
    record SaveAnswersRequest(@NotNull Map<String, Object> answers) {
    }

    private static QuestionnaireKind kind(String kind) {
        try {
            return QuestionnaireKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.notFound("The questionnaire");
        }
    }
}
