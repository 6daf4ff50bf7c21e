package dk.earlyhelp.measurement.consent;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One consent as far as statistics care: whose answers, whether it permits EVALUATION_STATISTICS,
 * until when, and whether it has ended (withdrawn or expired). Written only from consent events.
 */
@Document("evaluationConsents")
public record EvaluationConsent(@Id String consentId, @Indexed String childId, boolean permitsEvaluation,
                                LocalDate validUntil, Instant endedAt) {

    boolean countsOn(LocalDate day) {
        return permitsEvaluation && endedAt == null && !day.isAfter(validUntil);
    }
}
