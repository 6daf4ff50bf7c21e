package dk.earlyhelp.ngo.meetings;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mentor has had no logged contact with a matched child for the configured number of days; one
 * per referral, open until a meeting is logged or the course ends. Ids only: the coordinator looks
 * up the rest.
 *
 * @param since     the last contact: the match, the start or the latest meeting, whichever is last
 * @param raisedAt  when the check found it overdue (again, after a clear)
 * @param clearedAt when contact was made again or the course ended; null while open
 */
@Document("contact-alerts")
@CompoundIndex(name = "ngo_open", def = "{'ngoCode': 1, 'clearedAt': 1}")
public record ContactAlert(@Id String referralId, String ngoCode, String interventionCode, String volunteerId,
                           String childId, LocalDate since, Instant raisedAt, Instant clearedAt) {
}
