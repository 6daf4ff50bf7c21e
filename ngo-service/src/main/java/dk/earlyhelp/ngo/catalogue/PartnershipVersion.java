package dk.earlyhelp.ngo.catalogue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a partnership's terms: its collaboration model and information-sharing policy from
 * a date on. Versions are only ever appended, so the history says which terms were in force on any
 * day (the version with the highest number whose {@code validFrom} is not after it).
 *
 * @param number      1, 2, … in the order they were made
 * @param validFrom   the Danish date from which these terms apply; null for the terms the catalogue was
 *                    loaded with, which apply from the partnership's start
 * @param changedBy   who made the change (the administrator's user id), or {@code catalogue} for the
 *                    terms the catalogue file gave
 * @param reason      why, in the administrator's words (e.g. the steering group's decision); null for
 *                    the catalogue's terms
 * @param recordedAt  when the change was recorded; null for the catalogue's terms
 */
public record PartnershipVersion(int number, LocalDate validFrom, String model, ProgressSharing progressSharing,
                                 String changedBy, String reason, Instant recordedAt) {

    /** Who the versions the catalogue file gave were made by. */
    public static final String CATALOGUE = "catalogue";

    /** Whether these terms say the same as the model and policy given. */
    boolean sameTerms(CollaborationModel otherModel, ProgressSharing otherSharing) {
        return otherModel.name().equals(model) && otherSharing == progressSharing;
    }
}
