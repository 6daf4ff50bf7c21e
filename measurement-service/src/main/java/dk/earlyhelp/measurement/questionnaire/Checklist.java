package dk.earlyhelp.measurement.questionnaire;

import java.time.LocalDate;
import java.util.List;

/**
 * An enrolment's questionnaires with their due dates and status: the visible checklist per child.
 *
 * @param childId the child's pseudonym
 */
public record Checklist(String referralId, String childId, String intervention, String municipality,
                        LocalDate startedOn, LocalDate endedOn, String endStatus, List<Item> items) {

    public boolean anyOverdue() {
        return items.stream().anyMatch(item -> item.status() == Status.OVERDUE);
    }

    /** DONE, DUE (answer now), OVERDUE (past its time), UPCOMING (not yet), OPTIONAL (progress). */
    public enum Status { DONE, DUE, OVERDUE, UPCOMING, OPTIONAL }

    /**
     * One questionnaire on the checklist.
     *
     * @param dueOn         null while the day is not known (the end has not come)
     * @param onTimeUntil   the last day that counts as on time
     * @param windowFrom    the first day it may be answered on time (the follow-up's −30 days); else the due day
     * @param completedOn   the first submission's day, null until submitted
     * @param onTime        whether it was completed within its time; null until completed
     * @param submissions   how many times it was submitted (progress and fidelity may be many)
     * @param answersSaved  answers saved and not yet submitted: a paused questionnaire
     */
    public record Item(QuestionnaireKind kind, QuestionnaireKind.Role responsible, LocalDate dueOn,
                       LocalDate windowFrom, LocalDate onTimeUntil, Status status, LocalDate completedOn,
                       Boolean onTime, int submissions, int answersSaved) {
    }
}
