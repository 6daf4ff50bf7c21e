/**
 * Questionnaires when they are due: each enrolment's checklist (background and before at the start,
 * after at the end, follow-up six months later, optional progress, fidelity from those who deliver),
 * with due dates, status and the role responsible, reminders of overdue ones, and answering them:
 * answers saved as the child goes, submitted as one response, screened by the safety rule first.
 */
package dk.earlyhelp.measurement.questionnaire;
