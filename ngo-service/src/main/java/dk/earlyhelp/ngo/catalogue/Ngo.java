package dk.earlyhelp.ngo.catalogue;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A voluntary organisation that delivers interventions. */
@Document("ngos")
public record Ngo(@Id String code, String name, String staffing, String volunteerQualification, String focus) {
}
