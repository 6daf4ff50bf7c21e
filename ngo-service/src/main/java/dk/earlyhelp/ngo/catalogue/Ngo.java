package dk.earlyhelp.ngo.catalogue;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A voluntary organisation that delivers interventions.
 *
 * @param staffing               PAID_STAFF, PAID_AND_VOLUNTEERS or MOSTLY_VOLUNTEERS
 * @param volunteerQualification what it asks of its people (see {@code volunteers/MatchingRules})
 * @param changedBy              the administrator who changed it last; null while it is as the catalogue file gave it
 * @param republish              codes of its interventions still to be published again after a change of the
 *                               NGO (their events carry its name); empty once done
 */
@Document("ngos")
public record Ngo(@Id String code, String name, String staffing, String volunteerQualification, String focus,
                  String changedBy, Instant changedAt, List<String> republish) {

    public Ngo(String code, String name, String staffing, String volunteerQualification, String focus) {
        this(code, name, staffing, volunteerQualification, focus, null, null, List.of());
    }
}
