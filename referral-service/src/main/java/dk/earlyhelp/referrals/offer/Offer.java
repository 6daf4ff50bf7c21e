package dk.earlyhelp.referrals.offer;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One NGO intervention as the municipalities it serves may refer to it.
 *
 * @param publishedAt when the NGO last published the description; older news never replaces newer
 * @param availability null until the NGO has published its capacity
 */
@Document("offers")
public record Offer(@Id String code, String name, String ngoCode, String ngoName,
                    @Indexed List<String> municipalities, String model, List<String> types, TargetGroup targetGroup,
                    Format format, String deliveredBy, Instant publishedAt, Availability availability) {

    public boolean servesMunicipality(String municipalityCode) {
        return municipalities.contains(municipalityCode);
    }

    Offer withAvailability(Availability newer) {
        return new Offer(code, name, ngoCode, ngoName, municipalities, model, types, targetGroup, format, deliveredBy,
                publishedAt, newer);
    }
}
