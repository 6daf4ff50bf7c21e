package dk.earlyhelp.measurement.questionnaire;

import dk.earlyhelp.measurement.response.Occasion;

/**
 * The questionnaires of an enrolment. The responsible is a role, not a person, so nothing is lost
 * when a volunteer leaves: the coordinator collects the background at intake and chases the
 * follow-up six months after the end, when the volunteer is often gone; whoever delivers (the
 * volunteer or staff member with the child) sits with the child for before, progress and after,
 * and answers the fidelity questions.
 */
public enum QuestionnaireKind {

    BACKGROUND(Role.NGO_COORDINATOR, null),
    BEFORE(Role.VOLUNTEER, Occasion.BEFORE),
    PROGRESS(Role.VOLUNTEER, Occasion.PROGRESS),
    AFTER(Role.VOLUNTEER, Occasion.AFTER),
    FOLLOW_UP(Role.NGO_COORDINATOR, Occasion.FOLLOW_UP),
    FIDELITY(Role.VOLUNTEER, null);

    /** The role responsible; VOLUNTEER stands for whoever delivers, volunteer or staff. */
    public enum Role { NGO_COORDINATOR, VOLUNTEER }

    private final Role responsible;
    private final Occasion occasion;

    QuestionnaireKind(Role responsible, Occasion occasion) {
        this.responsible = responsible;
        this.occasion = occasion;
    }

    public Role responsible() {
        return responsible;
    }

    /** The response's occasion when the child answers; null for background and fidelity. */
    public Occasion occasion() {
        return occasion;
    }

    /** Whether the child answers the instrument's items (and the safety rule applies). */
    public boolean childAnswers() {
        return occasion != null;
    }

    /** Whether it may be answered any number of times (after sessions), rather than once. */
    public boolean repeatable() {
        return this == PROGRESS || this == FIDELITY;
    }
}
