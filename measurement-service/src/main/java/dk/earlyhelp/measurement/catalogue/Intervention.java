package dk.earlyhelp.measurement.catalogue;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An intervention as far as measuring outcomes needs it.
 *
 * @param types          INDIVIDUAL, GROUP, FAMILY: an enrolment counts under every type it received (METRICS.md §2)
 * @param measures       the dimensions of the instrument the partnership agreed to measure
 * @param fidelityManual whether those who deliver it answer the fidelity questions (METRICS.md §4)
 */
@Document("interventions")
public record Intervention(@Id String code, String ngoCode, List<String> municipalities, List<String> types,
                           List<String> measures, boolean fidelityManual, Instant publishedAt) {

    public boolean offeredIn(String municipality) {
        return municipalities.contains(municipality);
    }
}
