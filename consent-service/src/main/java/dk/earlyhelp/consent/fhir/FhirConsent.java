package dk.earlyhelp.consent.fhir;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.Grantor;

/**
 * A consent as a FHIR R4 {@code Consent} resource (https://hl7.org/fhir/R4/consent.html), built as
 * plain JSON-ready maps so the service needs no FHIR library. The child appears only as an
 * identifier reference to its pseudonym, never a CPR number; custody holders only by role. The
 * provision is the effective scope, what every grantor ticked, as in the events. Whether it
 * permits on a given day (the age rule) is the decision endpoint's to say, not the export's.
 */
public final class FhirConsent {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String CHILD_PSEUDONYM = "urn:earlyhelp:child-pseudonym";
    static final String MUNICIPALITY_CODE = "urn:dk:kommunekode";
    static final String NGO_CODE = "urn:earlyhelp:ngo";
    static final String PURPOSE = "urn:earlyhelp:consent-purpose";
    static final String DATA_CATEGORY = "urn:earlyhelp:data-category";
    static final String CONSENT_TEXT = "urn:earlyhelp:consent-text:";

    private FhirConsent() {
    }

    public static Map<String, Object> of(Consent consent) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("resourceType", "Consent");
        resource.put("id", consent.id());
        if (consent.version() != null) {
            // Our version: decisions and audit records name the consent version they were made under.
            resource.put("meta", Map.of("versionId", String.valueOf(consent.version())));
        }
        resource.put("status", status(consent));
        resource.put("scope", concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy",
                "Privacy Consent"));
        resource.put("category", List.of(concept("http://loinc.org", "59284-0", "Patient Consent")));
        resource.put("patient", child(consent));
        resource.put("dateTime", consent.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        putIfAny(resource, "performer", consent.grantors().stream().map(grantor -> performer(consent, grantor)).toList());
        resource.put("organization", List.of(reference("Organization", MUNICIPALITY_CODE, consent.municipalityCode())));
        // The consent text the grantors were shown: the policy they agreed to (also satisfies invariant ppc-1).
        resource.put("policy", List.of(Map.of("uri", CONSENT_TEXT + consent.textVersion())));
        resource.put("provision", provision(consent));
        return resource;
    }

    /** Our status in FHIR's codes: a refusal is rejected; every way of ending is inactive. */
    static String status(Consent consent) {
        return switch (consent.status()) {
            case DRAFT -> "draft";
            case ACTIVE -> "active";
            case WITHDRAWN -> consent.refused() ? "rejected" : "inactive";
            case EXPIRED -> "inactive";
        };
    }

    private static Map<String, Object> provision(Consent consent) {
        Map<String, Object> provision = new LinkedHashMap<>();
        provision.put("type", "permit");
        provision.put("period", Map.of("start", consent.validFrom().toString(), "end", consent.validUntil().toString()));
        provision.put("actor", consent.grantees().stream().map(ngo -> Map.of(
                "role", concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
                        "information recipient"),
                "reference", reference("Organization", NGO_CODE, ngo))).toList());
        putIfAny(provision, "purpose", codings(PURPOSE, consent.effectivePurposes()));
        putIfAny(provision, "class", codings(DATA_CATEGORY, consent.effectiveCategories()));
        return provision;
    }

    /** The young person is the patient; a custody holder a related person, known here only by role. */
    private static Map<String, Object> performer(Consent consent, Grantor grantor) {
        return grantor.role() == Grantor.Role.YOUNG_PERSON
                ? Map.of("type", "Patient", "identifier", identifier(CHILD_PSEUDONYM, consent.childId()),
                        "display", "young person")
                : Map.of("type", "RelatedPerson", "display", "custody holder");
    }

    private static Map<String, Object> child(Consent consent) {
        return reference("Patient", CHILD_PSEUDONYM, consent.childId());
    }

    private static Map<String, Object> reference(String type, String system, String value) {
        return Map.of("type", type, "identifier", identifier(system, value));
    }

    private static Map<String, Object> identifier(String system, String value) {
        return Map.of("system", system, "value", value);
    }

    private static Map<String, Object> concept(String system, String code, String display) {
        return Map.of("coding", List.of(Map.of("system", system, "code", code, "display", display)));
    }

    /** In the order of the enum (the sets are enum sets), so exports are stable. */
    private static List<Map<String, Object>> codings(String system, Collection<? extends Enum<?>> codes) {
        List<Map<String, Object>> codings = new ArrayList<>();
        codes.forEach(code -> codings.add(Map.of("system", system, "code", code.name())));
        return codings;
    }

    /** FHIR forbids empty arrays: an element without values is left out. */
    private static void putIfAny(Map<String, Object> into, String name, List<?> values) {
        if (!values.isEmpty()) {
            into.put(name, values);
        }
    }
}
