package dk.earlyhelp.ngo.inbox;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A referral as the NGO sees it: codes, age and the child's pseudonym, never a name. Fed by
 * {@code referral.submitted.v1}; {@code appliedEvents} makes the feed idempotent.
 */
@Document("inbox")
@CompoundIndex(name = "ngo_received", def = "{'ngoCode': 1, 'receivedAt': 1}")
public record InboxReferral(@Id String referralId, String ngoCode, String interventionCode, String municipalityCode,
                            String childId, int childAge, String childGender, List<String> concerns, String urgency,
                            String status, Instant submittedAt, Instant receivedAt, List<String> appliedEvents) {
}
