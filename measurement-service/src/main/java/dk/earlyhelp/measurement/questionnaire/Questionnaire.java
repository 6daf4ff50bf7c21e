package dk.earlyhelp.measurement.questionnaire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One enrolment's questionnaire of one kind: the answers saved so far (a draft, so the child can
 * pause and go on later) and the days it was submitted. A submission empties the draft in the same
 * conditional write that counts it, so a repeated submission stores nothing twice.
 *
 * @param id          {@code referralId:KIND}
 * @param answers     item code to answer (1..4 for the child's items, 1..5 fidelity, YES/NO/UNKNOWN background)
 * @param submittedOn the day of each submission, oldest first
 */
@Document("questionnaires")
public record Questionnaire(@Id String id, @Indexed String referralId, @Indexed String childId, String kind,
                            Map<String, Object> answers, int submissions, List<LocalDate> submittedOn,
                            Instant updatedAt) {

    static String id(String referralId, QuestionnaireKind kind) {
        return referralId + ":" + kind.name();
    }

    Map<String, Object> answersOrEmpty() {
        return answers == null ? Map.of() : answers;
    }

    LocalDate firstSubmittedOn() {
        return submittedOn == null || submittedOn.isEmpty() ? null : submittedOn.get(0);
    }
}
