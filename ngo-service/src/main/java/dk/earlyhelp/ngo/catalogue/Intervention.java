package dk.earlyhelp.ngo.catalogue;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An NGO's offer as the catalogue describes it. The target group and format are kept as the
 * catalogue gives them until the eligibility and capacity features need them typed.
 */
@Document("interventions")
public record Intervention(@Id String code, String name, String ngoCode, List<String> municipalities, String model,
                           List<String> types, Map<String, Object> targetGroup, Map<String, Object> format,
                           String deliveredBy, List<String> measures) {
}
