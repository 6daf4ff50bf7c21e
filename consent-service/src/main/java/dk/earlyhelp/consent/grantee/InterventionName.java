package dk.earlyhelp.consent.grantee;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Our trimmed copy of one intervention of the NGO catalogue: the names, nothing else.
 *
 * @param publishedAt when the catalogue said so; an older event never overwrites a newer one
 */
@Document("interventionNames")
public record InterventionName(@Id String interventionCode, String name, @Indexed String ngoCode, String ngoName,
                               Instant publishedAt) {
}
