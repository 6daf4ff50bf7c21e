package dk.earlyhelp.measurement.questionnaire;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The background questions answered at intake for one enrolment (METRICS.md §5, background at intake).
 *
 * @param answers question code to YES, NO or UNKNOWN
 */
@Document("backgroundAnswers")
public record BackgroundAnswers(@Id String id, @Indexed String referralId, @Indexed String childId,
                                String partnership, LocalDate answeredOn, Map<String, String> answers) {
}
