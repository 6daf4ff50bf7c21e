package dk.earlyhelp.consent.fhir.web;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.consent.fhir.FhirConsent;
import dk.earlyhelp.consent.fhir.FhirExport;
import dk.earlyhelp.platform.security.CurrentCaller;

/** A consent as a FHIR R4 Consent resource; {@code application/fhir+json}, or plain JSON to a client that asks for it. */
@RestController
class FhirConsentController {

    private final FhirExport export;

    FhirConsentController(FhirExport export) {
        this.export = export;
    }

    @GetMapping(path = "/api/consents/{id}/fhir", produces = {FhirConsent.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> consent(@PathVariable String id) {
        return export.export(CurrentCaller.get(), id);
    }
}
