package dk.earlyhelp.consent.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One version of a consent, appended with every change of what it says or of its status and never
 * rewritten (CONSENT.md: history is append-only), for the data protection officer.
 *
 * @param number      1 for the draft, then one more per change
 * @param by          who made the change: the staff member's user id, {@code personal-link:<role>} for a
 *                    custody holder or young person through their link, {@code system} for expiry
 * @param grantorRole whose consent, refusal or withdrawal it was, where known
 * @param method      how a consent was given (the evidence type), for GRANTED
 * @param purposes    the effective purposes after the change
 * @param categories  the effective data categories after the change
 */
public record ConsentVersion(int number, Instant at, Change change, String by, Grantor.Role grantorRole,
                             Grantor.Method method, ConsentStatus status, Set<Purpose> purposes,
                             Set<DataCategory> categories, LocalDate validFrom, LocalDate validUntil,
                             String textVersion) {

    public ConsentVersion {
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    /** What the change was. */
    public enum Change { CREATED, GRANTED, REFUSED, WITHDRAWN, EXPIRED }

    ConsentVersion by(String actor) {
        return new ConsentVersion(number, at, change, actor, grantorRole, method, status, purposes, categories,
                validFrom, validUntil, textVersion);
    }
}
