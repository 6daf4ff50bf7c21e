package dk.earlyhelp.consent.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/** Use cases of the consent ledger: record, grant, refuse, withdraw, list, and decide whether sharing is allowed. */
@Service
@EnableConfigurationProperties(ErasureSettings.class)
public class ConsentManagement {

    private final ConsentRepository consents;
    private final ConsentStore store;
    private final ErasureSettings erasure;
    private final AuditTrail audit;
    private final Clock clock;

    ConsentManagement(ConsentRepository consents, ConsentStore store, ErasureSettings erasure, AuditTrail audit,
            Clock clock) {
        this.consents = consents;
        this.store = store;
        this.erasure = erasure;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a consent for a child of the caller's municipality, as a draft until its grantors have consented. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Consent record(Caller caller, NewConsent request) {
        try {
            Consent consent = store.insert(Consent.draft(request.childId(), caller.organisation(), request.referralId(),
                    request.grantees(), request.interventionCode(), request.purposes(), request.categories(),
                    request.validFrom(), request.validUntil(), request.custodyHoldersRequired(),
                    request.youngPersonRequired(), request.textVersion(), clock.instant()));
            audit.record(caller, AuditRecord.Action.CREATE, "consent", consent.id(), consent.childId());
            return consent;
        } catch (Consent.NotSpecific e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "consent-not-specific", "Consent not specific",
                    e.getMessage());
        }
    }

    /** Staff record one grantor's consent as given to them, with what the grantor ticked (null: all it names). */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Consent grant(Caller caller, String id, Grantor.Role role, Grantor.Method method, Set<Purpose> purposes,
            Set<DataCategory> categories) {
        return change(caller, id, consent -> consent.grant(new Grantor(role, method, clock.instant(), caller.subject(),
                purposes, categories), clock.instant()));
    }

    /** Staff record that a grantor refused a draft consent; every service is told. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Consent refuse(Caller caller, String id, Grantor.Role role) {
        return change(caller, id, consent -> consent.refuse(role, clock.instant()));
    }

    /** Staff record a withdrawal a grantor made to them; it takes effect at once. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Consent withdraw(Caller caller, String id) {
        return change(caller, id, consent -> consent.withdraw(clock.instant(), erasure.confirmers()));
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Consent get(Caller caller, String id) {
        Consent consent = ownConsent(caller, id);
        audit.record(caller, AuditRecord.Action.READ, "consent", id, consent.childId());
        return consent;
    }

    /** The child's consents recorded by the caller's municipality, newest first; each one shown is audited. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public List<Consent> ofChild(Caller caller, String childId) {
        List<Consent> found = consents.findByChildIdAndMunicipalityCodeOrderByCreatedAtDesc(childId,
                caller.organisation());
        found.forEach(consent -> audit.record(caller, AuditRecord.Action.READ, "consent", consent.id(), childId));
        return found;
    }

    /**
     * May this NGO use these kinds of information about the child for this purpose today? Default
     * deny: only an ACTIVE consent naming the NGO, the purpose and every category (as every grantor
     * ticked them), within its period, permits. The categories that some such consent covers are
     * named, so a caller can leave out only the fields outside them. An NGO asks for itself; a
     * municipality for its own children's consents. Days are Danish days, as for expiry.
     */
    public Decision decide(Caller caller, String childId, String ngoCode, Purpose purpose, Set<DataCategory> categories) {
        String asking = caller.hasRole("NGO_COORDINATOR") || caller.hasRole("VOLUNTEER") ? caller.organisation() : ngoCode;
        LocalDate today = Consent.dayOf(clock.instant());
        List<Consent> inForce = consents.findByChildId(childId).stream()
                .filter(consent -> !caller.hasRole("MUNICIPAL_STAFF") || consent.municipalityCode().equals(caller.organisation()))
                .filter(consent -> consent.covers(asking, purpose, today))
                .toList();
        Set<DataCategory> permitted = EnumSet.noneOf(DataCategory.class);
        inForce.forEach(consent -> permitted.addAll(consent.effectiveCategories()));
        permitted.retainAll(categories);
        Decision decision = inForce.stream()
                .filter(consent -> consent.permits(asking, purpose, categories, today))
                .findFirst()
                .map(consent -> new Decision(true, consent.id(), consent.version(), permitted))
                .orElse(new Decision(false, null, null, permitted));
        audit.record(caller, decision.permitted() ? AuditRecord.Action.READ : AuditRecord.Action.DENIED,
                "consent-decision:" + purpose, decision.consentId(), childId);
        return decision;
    }

    /** A consent of the caller's municipality; another's answers like a missing one, and the attempt is audited. */
    public Consent ownConsent(Caller caller, String id) {
        return consents.findByIdAndMunicipalityCode(id, caller.organisation()).orElseThrow(() -> {
            consents.findById(id).ifPresent(other -> audit.record(caller, AuditRecord.Action.DENIED, "consent", id,
                    other.childId()));
            return ProblemException.notFound("Consent " + id);
        });
    }

    private Consent change(Caller caller, String id, Consumer<Consent> change) {
        Consent consent = ownConsent(caller, id);
        try {
            change.accept(consent);
            consent.forgetUnneededEmails(clock.instant());
            store.saveChange(consent);
        } catch (Consent.IllegalState e) {
            throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now", e.getMessage());
        } catch (Consent.OutsideScope e) {
            throw ProblemException.invalidField(e.field(), "must be among those the consent names");
        } catch (OptimisticLockingFailureException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "changed-meanwhile", "Changed meanwhile",
                    "The consent was changed by someone else. Reload it and try again.");
        }
        audit.record(caller, AuditRecord.Action.UPDATE, "consent", id, consent.childId());
        return consent;
    }

    /**
     * Permit or deny, and under which consent version.
     *
     * @param permittedCategories the requested categories that some consent in force for the NGO and purpose covers
     */
    public record Decision(boolean permitted, String consentId, Long consentVersion,
                           Set<DataCategory> permittedCategories) {
    }

    /** What the professional records from the consent form. */
    public record NewConsent(String childId, String referralId, List<String> grantees, String interventionCode,
                             Set<Purpose> purposes, Set<DataCategory> categories, LocalDate validFrom,
                             LocalDate validUntil, int custodyHoldersRequired, boolean youngPersonRequired,
                             String textVersion) {
    }
}
