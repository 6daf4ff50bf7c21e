package dk.earlyhelp.measurement.operations;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One referral's way through the steps, as ids, codes and times only. Each time is the first one
 * seen for its step; a step not (yet) reached is null.
 *
 * @param childId      the child's pseudonym, to see where a declined child was referred next
 * @param referrerRole the municipal role that referred (the referral source)
 */
@Document("referralFlows")
public record ReferralFlow(@Id String referralId, @Indexed String childId, String intervention, String municipality,
                           String referrerRole, Instant submittedAt, Instant decidedAt, Instant acceptedAt,
                           Instant waitlistedAt, Instant declinedAt, String declineReason,
                           String suggestedIntervention, Instant matchedAt, LocalDate startedOn, Instant completedAt,
                           Instant droppedOutAt, Instant withdrawnAt) {

    /** The step the referral is at now. */
    public String status() {
        if (withdrawnAt != null) {
            return "WITHDRAWN";
        }
        if (completedAt != null) {
            return "COMPLETED";
        }
        if (droppedOutAt != null) {
            return "DROPPED_OUT";
        }
        if (startedOn != null) {
            return "STARTED";
        }
        if (matchedAt != null) {
            return "MATCHED";
        }
        if (acceptedAt != null) {
            return "ACCEPTED";
        }
        if (declinedAt != null) {
            return "DECLINED";
        }
        if (waitlistedAt != null) {
            return "WAITLISTED";
        }
        return "SUBMITTED";
    }

    public String partnership() {
        return intervention + "-" + municipality;
    }
}
