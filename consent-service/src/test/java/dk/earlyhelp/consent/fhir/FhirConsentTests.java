package dk.earlyhelp.consent.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.ConsentRules;
import dk.earlyhelp.consent.consent.DataCategory;
import dk.earlyhelp.consent.consent.Grantor;
import dk.earlyhelp.consent.consent.Purpose;

/** The FHIR R4 Consent resource a consent is exported as: its whole shape, and our statuses in FHIR's codes. */
class FhirConsentTests {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00.123Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    static final String CHILD = "5f0c7a3e-2b1d-4c8e-9a6f-0d3b2e1c4a7b";
    static final List<String> CONFIRMERS = List.of("ngo-service");

    @Test
    void anActiveConsentIsAFhirConsentThatPermitsWhatEveryGrantorTicked() throws Exception {
        Consent consent = draft();
        consent.grant(new Grantor(Grantor.Role.CUSTODY_HOLDER, Grantor.Method.SIGNED_PAPER, NOW, "caseworker", null,
                Set.of(DataCategory.CONTACT, DataCategory.CONCERNS)), NOW, ConsentRules.DEFAULTS, CONFIRMERS);
        consent.grant(new Grantor(Grantor.Role.YOUNG_PERSON, Grantor.Method.VERBAL_RECORDED, NOW, "caseworker"), NOW,
                ConsentRules.DEFAULTS, CONFIRMERS);

        String json = new ObjectMapper().writeValueAsString(FhirConsent.of(consent));

        JSONAssert.assertEquals("""
                {
                  "resourceType": "Consent",
                  "id": "%s",
                  "status": "active",
                  "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
                                        "code": "patient-privacy", "display": "Privacy Consent"}]},
                  "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0",
                                            "display": "Patient Consent"}]}],
                  "patient": {"type": "Patient",
                              "identifier": {"system": "urn:earlyhelp:child-pseudonym", "value": "%s"}},
                  "dateTime": "2026-11-25T10:00:00Z",
                  "performer": [
                    {"type": "RelatedPerson", "display": "custody holder"},
                    {"type": "Patient", "identifier": {"system": "urn:earlyhelp:child-pseudonym", "value": "%s"},
                     "display": "young person"}
                  ],
                  "organization": [{"type": "Organization",
                                    "identifier": {"system": "urn:dk:kommunekode", "value": "0751"}}],
                  "policy": [{"uri": "urn:earlyhelp:consent-text:da-2026-1"}],
                  "provision": {
                    "type": "permit",
                    "period": {"start": "2026-11-25", "end": "2027-05-25"},
                    "actor": [
                      {"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                            "code": "IRCP", "display": "information recipient"}]},
                       "reference": {"type": "Organization",
                                     "identifier": {"system": "urn:earlyhelp:ngo", "value": "URK_AAR"}}},
                      {"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                            "code": "IRCP", "display": "information recipient"}]},
                       "reference": {"type": "Organization",
                                     "identifier": {"system": "urn:earlyhelp:ngo", "value": "URK_KBH"}}}
                    ],
                    "purpose": [{"system": "urn:earlyhelp:consent-purpose", "code": "REFERRAL_AND_DELIVERY"},
                                {"system": "urn:earlyhelp:consent-purpose", "code": "EVALUATION_STATISTICS"}],
                    "class": [{"system": "urn:earlyhelp:data-category", "code": "CONTACT"},
                              {"system": "urn:earlyhelp:data-category", "code": "CONCERNS"}]
                  }
                }
                """.formatted(consent.id(), CHILD, CHILD), json, JSONCompareMode.STRICT);
        assertThat(json).as("never a CPR number").doesNotContainPattern("\\b\\d{6}-?\\d{4}\\b");
    }

    @Test
    void ourStatusesAreFhirsDraftActiveRejectedAndInactive() {
        Consent refused = draft();
        refused.refuse(Grantor.Role.CUSTODY_HOLDER, NOW, CONFIRMERS);
        Consent withdrawn = active();
        withdrawn.withdraw(NOW, CONFIRMERS);
        Consent expired = active();
        expired.expire(Instant.parse("2027-05-26T08:00:00Z"), CONFIRMERS);

        assertThat(FhirConsent.of(draft())).containsEntry("status", "draft").doesNotContainKey("performer");
        assertThat(FhirConsent.of(active())).containsEntry("status", "active");
        assertThat(FhirConsent.of(refused)).containsEntry("status", "rejected");
        assertThat(FhirConsent.of(withdrawn)).containsEntry("status", "inactive");
        assertThat(FhirConsent.of(expired)).containsEntry("status", "inactive");
    }

    private static Consent active() {
        Consent consent = draft();
        consent.grant(new Grantor(Grantor.Role.CUSTODY_HOLDER, Grantor.Method.DIGITAL, NOW, "personal-link"), NOW,
                ConsentRules.DEFAULTS, CONFIRMERS);
        return consent;
    }

    private static Consent draft() {
        return Consent.draft(CHILD, null, "0751", null, List.of("URK_AAR", "URK_KBH"), "POWERKIDS",
                EnumSet.of(Purpose.REFERRAL_AND_DELIVERY, Purpose.EVALUATION_STATISTICS),
                EnumSet.of(DataCategory.CONTACT, DataCategory.CONCERNS, DataCategory.CHILD_VIEW), TODAY,
                TODAY.plusMonths(6), 1, false, "da-2026-1", NOW);
    }
}
