package dk.earlyhelp.measurement.questionnaire;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.earlyhelp.measurement.catalogue.Intervention;
import dk.earlyhelp.measurement.enrolment.Enrolment;

/**
 * Turns an enrolment into its due questionnaires (instrument.json, "occasions"): background and
 * before when the course starts, after (and fidelity, for interventions with a manual) when it
 * ends, follow-up six months after the end with 30 days either side on time, progress optional.
 */
@Component
class Schedule {

    static final int FOLLOW_UP_MONTHS = 6;
    static final int FOLLOW_UP_WINDOW_DAYS = 30;

    private final MeasurementSettings settings;

    Schedule(MeasurementSettings settings) {
        this.settings = settings;
    }

    Checklist checklist(Enrolment enrolment, Intervention intervention, Map<QuestionnaireKind, Questionnaire> answered,
            LocalDate today) {
        List<Checklist.Item> items = new ArrayList<>();
        for (QuestionnaireKind kind : QuestionnaireKind.values()) {
            if (kind == QuestionnaireKind.FIDELITY && !intervention.fidelityManual()) {
                continue;
            }
            items.add(item(kind, enrolment, answered.get(kind), today));
        }
        return new Checklist(enrolment.id(), enrolment.childId(), enrolment.intervention(), enrolment.municipality(),
                enrolment.startedOn(), enrolment.endedOn(), enrolment.endStatus(), items);
    }

    private Checklist.Item item(QuestionnaireKind kind, Enrolment enrolment, Questionnaire questionnaire,
            LocalDate today) {
        int submissions = questionnaire == null ? 0 : questionnaire.submissions();
        int saved = questionnaire == null ? 0 : questionnaire.answersOrEmpty().size();
        LocalDate completedOn = questionnaire == null ? null : questionnaire.firstSubmittedOn();
        LocalDate dueOn = switch (kind) {
            case BACKGROUND, BEFORE -> enrolment.startedOn();
            case AFTER, FIDELITY -> enrolment.endedOn();
            case FOLLOW_UP -> enrolment.endedOn() == null ? null : enrolment.endedOn().plusMonths(FOLLOW_UP_MONTHS);
            case PROGRESS -> null;
        };
        if (kind == QuestionnaireKind.PROGRESS) {
            return new Checklist.Item(kind, kind.responsible(), null, null, null, Checklist.Status.OPTIONAL,
                    completedOn, null, submissions, saved);
        }
        LocalDate windowFrom = dueOn == null ? null
                : kind == QuestionnaireKind.FOLLOW_UP ? dueOn.minusDays(FOLLOW_UP_WINDOW_DAYS) : dueOn;
        LocalDate onTimeUntil = dueOn == null ? null
                : dueOn.plusDays(kind == QuestionnaireKind.FOLLOW_UP ? FOLLOW_UP_WINDOW_DAYS : settings.onTimeDays());
        Checklist.Status status;
        Boolean onTime = null;
        if (completedOn != null) {
            status = Checklist.Status.DONE;
            // Before and background may be answered a little before the recorded start; only the follow-up has a window.
            onTime = onTimeUntil == null ? null : !completedOn.isAfter(onTimeUntil)
                    && (kind != QuestionnaireKind.FOLLOW_UP || !completedOn.isBefore(windowFrom));
        } else if (dueOn == null || today.isBefore(windowFrom)) {
            status = Checklist.Status.UPCOMING;
        } else if (today.isAfter(onTimeUntil)) {
            status = Checklist.Status.OVERDUE;
        } else {
            status = Checklist.Status.DUE;
        }
        return new Checklist.Item(kind, kind.responsible(), dueOn, windowFrom, onTimeUntil, status, completedOn, onTime,
                submissions, saved);
    }
}
