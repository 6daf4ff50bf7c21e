package dk.earlyhelp.ngo.volunteers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A volunteer or staff member of one NGO (paid staff are kept the same way, as {@code kind}
 * STAFF, because the capacity of an intervention is its people, whoever pays them). Owned by
 * {@code ngoCode}: no other organisation reads it.
 *
 * @param statusHistory      every status the person has had, oldest first; the last is {@code status}
 * @param matchedReferralIds the referrals of the children the person works with now: one place of
 *                           {@code profile.capacity} each, taken by a match, given back when the course ends
 * <p>
 * Every write to a person also increments the document's {@code revision} and sets its
 * {@code changedAt} (fields not mapped here), so the copy of the candidates matching keeps in
 * memory knows when, and whom, to read again.
 */
@Document("volunteers")
@CompoundIndex(name = "ngo_status", def = "{'ngoCode': 1, 'status': 1}")
@CompoundIndex(name = "login", def = "{'profile.login': 1}", unique = true, sparse = true)
public record Volunteer(@Id String id, String ngoCode, Profile profile, Status status,
                        List<StatusChange> statusHistory, List<String> matchedReferralIds, Instant createdAt) {

    /** The document field every write increments; see {@link VolunteerManagement#fingerprint}. */
    public static final String REVISION = "revision";
    /** The document field every write sets to its time; see {@link VolunteerManagement#changedSince}. */
    public static final String CHANGED_AT = "changedAt";

    /**
     * Where a person stands with the NGO. Applicants are vetted and trained while onboarding; only
     * active people are matched; a pause or leaving keeps the history.
     */
    public enum Status {
        APPLICANT, ONBOARDING, ACTIVE, PAUSED, LEFT;

        /** The allowed next steps; someone who left may apply again. */
        public Set<Status> next() {
            return switch (this) {
                case APPLICANT -> EnumSet.of(ONBOARDING, LEFT);
                case ONBOARDING -> EnumSet.of(ACTIVE, LEFT);
                case ACTIVE -> EnumSet.of(PAUSED, LEFT);
                case PAUSED -> EnumSet.of(ACTIVE, LEFT);
                case LEFT -> EnumSet.of(APPLICANT);
            };
        }

        /** The statuses a person can reach this one from. */
        public Set<Status> previous() {
            Set<Status> from = EnumSet.noneOf(Status.class);
            for (Status status : values()) {
                if (status.next().contains(this)) {
                    from.add(status);
                }
            }
            return from;
        }
    }

    /** Children the person can still take one-to-one. */
    public int freeCapacity() {
        return Math.max(0, profile.capacity() - (matchedReferralIds == null ? 0 : matchedReferralIds.size()));
    }

    /** The (Danish) date the person entered the current status. */
    public LocalDate inStatusSince(ZoneId zone) {
        return statusHistory.get(statusHistory.size() - 1).at().atZone(zone).toLocalDate();
    }

    public boolean worksOn(String interventionCode) {
        return profile.interventionCodes() != null && profile.interventionCodes().contains(interventionCode);
    }
}
