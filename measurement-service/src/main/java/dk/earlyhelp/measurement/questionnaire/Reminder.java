package dk.earlyhelp.measurement.questionnaire;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A portal task for the responsible role: this questionnaire is overdue. One per enrolment and
 * questionnaire (id {@code referralId:KIND}); closed when the questionnaire is submitted.
 */
@Document("reminders")
public record Reminder(@Id String id, String referralId, String childId, @Indexed String ngoCode,
                       String intervention, QuestionnaireKind kind, QuestionnaireKind.Role responsible,
                       LocalDate dueOn, Instant createdAt, Instant closedAt) {
}
