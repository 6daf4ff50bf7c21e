package dk.earlyhelp.consent.consent;

import java.time.Instant;
import java.util.Set;

/**
 * One person who gave the consent, how, when and who collected it; identified by role, never by name here.
 *
 * @param purposes   the purposes this grantor ticked; null means every purpose the consent names
 * @param categories the data categories this grantor ticked; null means every category the consent names
 */
public record Grantor(Role role, Method method, Instant at, String collectedBy, Set<Purpose> purposes,
                      Set<DataCategory> categories) {

    /** A grantor who consented to everything the consent names. */
    public Grantor(Role role, Method method, Instant at, String collectedBy) {
        this(role, method, at, collectedBy, null, null);
    }

    public Grantor {
        purposes = purposes == null ? null : Set.copyOf(purposes);
        categories = categories == null ? null : Set.copyOf(categories);
    }

    public enum Role { CUSTODY_HOLDER, YOUNG_PERSON }

    public enum Method { SIGNED_PAPER, VERBAL_RECORDED, DIGITAL }
}
