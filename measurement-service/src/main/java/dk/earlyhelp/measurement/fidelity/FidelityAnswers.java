package dk.earlyhelp.measurement.fidelity;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One set of fidelity answers for one enrolment's course. {@code count} and {@code sum} are kept
 * beside the answers so the figures are one {@code $group}.
 *
 * @param answers item code (FID_1..FID_4) to answer 1..5
 */
@Document("fidelityAnswers")
public record FidelityAnswers(@Id String id, String referralId, @Indexed String partnership, String intervention,
                              String municipality, LocalDate answeredOn, Map<String, Integer> answers, int count,
                              int sum) {
}
