package dk.earlyhelp.measurement.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One consent as far as measuring cares: whose answers, whether it permits EVALUATION_STATISTICS
 * and OUTCOME_MEASUREMENT (collecting answers at all), to which NGOs, until when, and whether it
 * has ended (withdrawn or expired). Written only from consent events.
 */
@Document("evaluationConsents")
public record EvaluationConsent(@Id String consentId, @Indexed String childId, boolean permitsEvaluation,
                                LocalDate validUntil, Instant endedAt, boolean permitsMeasurement,
                                List<String> grantees) {

    boolean countsOn(LocalDate day) {
        return permitsEvaluation && endedAt == null && !day.isAfter(validUntil);
    }

    boolean lets(String ngoCode, LocalDate day) {
        return permitsMeasurement && endedAt == null && !day.isAfter(validUntil) && grantees != null
                && grantees.contains(ngoCode);
    }
}
