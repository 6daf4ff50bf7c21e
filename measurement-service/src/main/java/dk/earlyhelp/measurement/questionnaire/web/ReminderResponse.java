package dk.earlyhelp.measurement.questionnaire.web;

import java.time.Instant;
import java.time.LocalDate;

import dk.earlyhelp.measurement.questionnaire.QuestionnaireKind;
import dk.earlyhelp.measurement.questionnaire.Reminder;

/** A questionnaire that is due, as the NGO's coordinator or the volunteer responsible reads it. */
record ReminderResponse(String id, String referralId, String childId, String ngoCode, String intervention,
                        QuestionnaireKind kind, QuestionnaireKind.Role responsible, LocalDate dueOn,
                        Instant createdAt) {

    static ReminderResponse of(Reminder reminder) {
        return new ReminderResponse(reminder.id(), reminder.referralId(), reminder.childId(), reminder.ngoCode(),
                reminder.intervention(), reminder.kind(), reminder.responsible(), reminder.dueOn(),
                reminder.createdAt());
    }
}
