package dk.earlyhelp.consent.access;

import java.time.Instant;
import java.util.List;

/**
 * What a custody holder learns about who accessed their child's data, oldest first.
 *
 * @param lines one per recorded access
 */
public record AccessReport(String childId, Instant generatedAt, List<Line> lines) {

    /**
     * @param organisationName the NGO's name where the catalogue told us, else null (the code stands)
     * @param role             the reader's role: the municipal professional's role where known, else the first role
     * @param denied           the read was refused (no consent, or outside it): nothing was shown
     */
    public record Line(Instant at, String organisation, String organisationType, String organisationName,
                       String role, List<String> categories, String purpose, String service, String resourceType,
                       boolean denied) {
    }
}
