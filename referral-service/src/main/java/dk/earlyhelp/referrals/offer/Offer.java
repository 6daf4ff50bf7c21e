package dk.earlyhelp.referrals.offer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One NGO intervention as the municipalities it serves may refer to it.
 *
 * @param publishedAt when the NGO last published the description; older news never replaces newer
 * @param availability null until the NGO has published its capacity
 * @param progressSharing each partnership's sharing policy by municipality code, as the NGO published it
 *                        ({@code PROGRESS_WITH_CONSENT} or {@code AGGREGATES_ONLY}); null from before it did
 * @param model           the collaboration model all its partnerships share, if they do
 * @param models          each partnership's collaboration model by municipality code; null from before the
 *                        NGO published them (then {@code model} is every partnership's)
 * @param staircaseStep   the offer's step on the intervention staircase (1–7), where the catalogue states it
 */
@Document("offers")
public record Offer(@Id String code, String name, String ngoCode, String ngoName,
                    @Indexed List<String> municipalities, String model, List<String> types, TargetGroup targetGroup,
                    Format format, String deliveredBy, Map<String, String> progressSharing, Instant publishedAt,
                    Availability availability, Map<String, String> models, Integer staircaseStep) {

    static final String AGGREGATES_ONLY = "AGGREGATES_ONLY";

    public boolean servesMunicipality(String municipalityCode) {
        return municipalities.contains(municipalityCode);
    }

    /**
     * Whether the partnership with the municipality lets the NGO tell the referrer about an individual
     * child's course at all; the consent's PROGRESS_TO_REFERRER is needed on top. Some NGOs report
     * aggregates only, to keep a confidential space for the child.
     */
    public boolean sharesProgressWith(String municipalityCode) {
        return progressSharing == null || !AGGREGATES_ONLY.equals(progressSharing.get(municipalityCode));
    }

    /** The collaboration model of the partnership with the municipality, as the NGO last published it. */
    public String modelIn(String municipalityCode) {
        String partnership = models == null ? null : models.get(municipalityCode);
        return partnership != null ? partnership : model;
    }

    Offer withAvailability(Availability newer) {
        return new Offer(code, name, ngoCode, ngoName, municipalities, model, types, targetGroup, format, deliveredBy,
                progressSharing, publishedAt, newer, models, staircaseStep);
    }
}
