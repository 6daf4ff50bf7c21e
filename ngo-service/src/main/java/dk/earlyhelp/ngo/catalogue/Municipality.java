package dk.earlyhelp.ngo.catalogue;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A municipality the catalogue's partnerships can name, by its four-digit code ("0751"). Other
 * services know municipalities by code only, so a name changes nothing elsewhere.
 *
 * @param changedBy the administrator who changed it last; null while it is as the catalogue file gave it
 */
@Document("municipalities")
public record Municipality(@Id String code, String name, String changedBy, Instant changedAt) {

    public Municipality(String code, String name) {
        this(code, name, null, null);
    }
}
