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
 * @param referrerRole the municipal role that referred (the referral source of a municipal referral)
 * @param source       PARENT_CONTACT or NGO_OUTREACH for a child the NGO registered itself (then
 *                     {@code submittedAt} is when it did); null for a municipal referral
 */
@Document("referralFlows")
public record ReferralFlow(@Id String referralId, @Indexed String childId, String intervention, String municipality,
                           String referrerRole, String source, Instant submittedAt, Instant decidedAt, Instant acceptedAt,
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

    /** Where the child came from: the referrer's municipal role, or the NGO's own source. */
    public String origin() {
        return source != null ? source : referrerRole;
    }

    public String partnership() {
        return intervention + "-" + municipality;
    }
}
