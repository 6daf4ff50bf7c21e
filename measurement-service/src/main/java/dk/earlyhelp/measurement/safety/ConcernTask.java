package dk.earlyhelp.measurement.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A coordinator's task after a worrying answer: hold an individual conversation with the child by
 * {@code conversationDueOn} and decide on a notification of concern. Raised once per submitted
 * questionnaire (its id is the submission's), never deleted. Codes and pseudonyms only.
 *
 * @param reasons          what met the safety rule: dimension codes (score 3.0 or higher) and item codes (answered 4)
 * @param conversationDueOn the end of the second working day after the answers were given
 * @param decision         {@link Decision} once recorded
 * @param escalatedAt      when it was escalated for not being acknowledged or decided in time; null otherwise
 */
@Document("concernTasks")
public record ConcernTask(@Id String id, String referralId, @Indexed String childId, String intervention,
                          String municipality, @Indexed String ngoCode, String occasion, List<String> reasons,
                          Instant raisedAt, LocalDate conversationDueOn, Instant acknowledgedAt,
                          String acknowledgedBy, String decision, Instant decidedAt, String decidedBy,
                          Instant escalatedAt, String escalationReason) {

    /** The coordinator's decision after the conversation. */
    public enum Decision { NOTIFY_MUNICIPALITY, NO_NOTIFICATION }

    /** OPEN, ACKNOWLEDGED or DECIDED. */
    public String status() {
        return decision != null ? "DECIDED" : acknowledgedAt != null ? "ACKNOWLEDGED" : "OPEN";
    }
}
