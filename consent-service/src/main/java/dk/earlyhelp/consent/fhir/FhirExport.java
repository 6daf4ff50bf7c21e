package dk.earlyhelp.consent.fhir;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.ConsentManagement;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.security.Caller;

/**
 * Exports a consent of the caller's municipality as a FHIR R4 Consent resource; another
 * municipality's answers like a missing one. Each export is audited as a read of its own kind
 * ({@code consent-fhir}), so the access log tells an export from a look in the portal.
 */
@Service
public class FhirExport {

    private final ConsentManagement consents;
    private final AuditTrail audit;

    FhirExport(ConsentManagement consents, AuditTrail audit) {
        this.consents = consents;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Map<String, Object> export(Caller caller, String id) {
        Consent consent = consents.ownConsent(caller, id);
        audit.record(caller, AuditRecord.Action.READ, "consent-fhir", id, consent.childId());
        return FhirConsent.of(consent);
    }
}
