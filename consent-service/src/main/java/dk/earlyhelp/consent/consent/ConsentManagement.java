package dk.earlyhelp.consent.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.consent.registration.RegisteredChild;
import dk.earlyhelp.consent.registration.RegisteredChildren;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.audit.DataAccess;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Use cases of the consent ledger: record, grant, refuse, withdraw, list, and decide whether sharing
 * is allowed. Every decision applies {@link ConsentRules} as set now, on today's Danish day.
 */
@Service
@EnableConfigurationProperties({ErasureSettings.class, ConsentRules.class})
public class ConsentManagement {

    /** Who asks when a referral's question comes through the broker. */
    private static final Caller REFERRAL_SERVICE = Caller.system("service:referral-service");
    private static final String COORDINATOR = "NGO_COORDINATOR";
    /**
     * What the parents of a child the NGO registered may consent to (the NGO serves the child without
     * a consent): that the municipality is told about the child (PROGRESS_TO_REFERRER, the municipality
     * standing in for a referrer), outcome measurement and evaluation statistics.
     */
    static final Set<Purpose> REGISTERED_CHILD_PURPOSES = EnumSet.of(Purpose.PROGRESS_TO_REFERRER,
            Purpose.OUTCOME_MEASUREMENT, Purpose.EVALUATION_STATISTICS);

    private final ConsentRepository consents;
    private final ConsentStore store;
    private final ErasureSettings erasure;
    private final ConsentRules rules;
    private final RegisteredChildren registered;
    private final AuditTrail audit;
    private final Clock clock;

    ConsentManagement(ConsentRepository consents, ConsentStore store, ErasureSettings erasure, ConsentRules rules,
            RegisteredChildren registered, AuditTrail audit, Clock clock) {
        this.consents = consents;
        this.store = store;
        this.erasure = erasure;
        this.rules = rules;
        this.registered = registered;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a consent, as a draft until its grantors have consented: municipal staff for a child of
     * their municipality; an NGO's coordinator for a child their NGO registered without a referral
     * ({@link #forRegisteredChild}).
     */
    @PreAuthorize("hasAnyRole('MUNICIPAL_STAFF', 'NGO_COORDINATOR')")
    public Consent record(Caller caller, NewConsent request) {
        if (request.childBirthDate() != null && request.childBirthDate().isAfter(today())) {
            throw ProblemException.invalidField("childBirthDate", "must not be in the future");
        }
        RegisteredChild child = caller.hasRole(COORDINATOR) ? forRegisteredChild(caller, request) : null;
        try {
            Consent draft = Consent.draft(request.childId(), request.childBirthDate(),
                    child == null ? caller.organisation() : child.municipalityCode(), request.referralId(),
                    request.grantees(), child == null ? request.interventionCode() : child.interventionCode(),
                    request.purposes(), request.categories(),
                    request.validFrom(), request.validUntil(), request.custodyHoldersRequired(),
                    request.youngPersonRequired(), request.textVersion(), clock.instant());
            draft.letFollow(request.followerRoles());
            if (child != null) {
                draft.recordedByRegisteringNgo(child.ngoCode());
            }
            draft.changedBy(caller.subject());
            Consent consent = store.insert(draft);
            audit.record(caller, AuditRecord.Action.CREATE, "consent", consent.id(), consent.childId());
            return consent;
        } catch (Consent.NotSpecific e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "consent-not-specific", "Consent not specific",
                    e.getMessage());
        }
    }

    /**
     * The coordinator records the parents' consent for a child their NGO registered itself (B1/B3,
     * DOMAIN.md: "the municipality learns of them only with consent"). The municipality is the
     * controller, the coordinator's own NGO the only grantee, and only what such a child's parents
     * are asked about: telling the municipality, outcome measurement and evaluation statistics. A
     * child another NGO registered, or no NGO, answers like a missing one (audited when it exists).
     */
    private RegisteredChild forRegisteredChild(Caller caller, NewConsent request) {
        Optional<RegisteredChild> registration = registered.ofChild(request.childId());
        if (registration.isEmpty() || !registration.get().ngoCode().equals(caller.organisation())) {
            registration.ifPresent(other -> audit.record(caller, AuditRecord.Action.DENIED, "registered-child",
                    other.referralId(), other.childId()));
            throw ProblemException.notFound("Child " + request.childId() + " registered by your NGO");
        }
        RegisteredChild child = registration.get();
        if (request.grantees() != null && !request.grantees().equals(List.of(child.ngoCode()))) {
            throw ProblemException.invalidField("grantees", "must name only your own NGO, which registered the child");
        }
        if (request.interventionCode() != null && !request.interventionCode().equals(child.interventionCode())) {
            throw ProblemException.invalidField("interventionCode", "must be the intervention the child was "
                    + "registered for (" + child.interventionCode() + ")");
        }
        if (request.referralId() != null) {
            throw ProblemException.invalidField("referralId", "must be left out: a child your NGO registered has no "
                    + "municipal referral");
        }
        if (!request.followerRoles().isEmpty()) {
            throw ProblemException.invalidField("followerRoles", "must be left out: professionals of the "
                    + "municipality follow municipal referrals");
        }
        if (request.purposes() != null && !REGISTERED_CHILD_PURPOSES.containsAll(request.purposes())) {
            throw ProblemException.invalidField("purposes", "must be among " + REGISTERED_CHILD_PURPOSES.stream()
                    .map(Enum::name).sorted().toList() + ": your NGO delivers the offer the parents sought without "
                    + "a consent");
        }
        return child;
    }

    /**
     * Staff record one grantor's consent as given to them, with what the grantor ticked (null: all it
     * names); on an active consent, the young person's own.
     */
    @PreAuthorize("hasAnyRole('MUNICIPAL_STAFF', 'NGO_COORDINATOR')")
    public Consent grant(Caller caller, String id, Grantor.Role role, Grantor.Method method, Set<Purpose> purposes,
            Set<DataCategory> categories) {
        return change(caller, id, consent -> consent.grant(new Grantor(role, method, clock.instant(), caller.subject(),
                purposes, categories), clock.instant(), rules, erasure.confirmers()));
    }

    /**
     * Staff record that a grantor refused a draft consent (or the young person an active one that
     * lacks their own consent, which ends it as a withdrawal); every service is told.
     */
    @PreAuthorize("hasAnyRole('MUNICIPAL_STAFF', 'NGO_COORDINATOR')")
    public Consent refuse(Caller caller, String id, Grantor.Role role) {
        return change(caller, id, consent -> consent.refuse(role, clock.instant(), erasure.confirmers()));
    }

    /** Staff record a withdrawal a grantor made to them; it takes effect at once. */
    @PreAuthorize("hasAnyRole('MUNICIPAL_STAFF', 'NGO_COORDINATOR')")
    public Consent withdraw(Caller caller, String id) {
        return change(caller, id, consent -> consent.withdraw(clock.instant(), erasure.confirmers()));
    }

    @PreAuthorize("hasAnyRole('MUNICIPAL_STAFF', 'NGO_COORDINATOR')")
    public Consent get(Caller caller, String id) {
        Consent consent = ownConsent(caller, id);
        audit.record(caller, AuditRecord.Action.READ, "consent", id, consent.childId());
        return consent;
    }

    /**
     * The child's consents recorded by the caller's municipality (or, for a coordinator, by their NGO for
     * a child it registered), newest first; each one shown is audited.
     */
    @PreAuthorize("hasAnyRole('MUNICIPAL_STAFF', 'NGO_COORDINATOR')")
    public List<Consent> ofChild(Caller caller, String childId) {
        List<Consent> found = caller.hasRole(COORDINATOR)
                ? consents.findByChildIdAndRegisteredByOrderByCreatedAtDesc(childId, caller.organisation())
                : consents.findByChildIdAndMunicipalityCodeOrderByCreatedAtDesc(childId, caller.organisation())
                        .stream().filter(consent -> consent.registeredBy() == null).toList();
        found.forEach(consent -> audit.record(caller, AuditRecord.Action.READ, "consent", consent.id(), childId));
        return found;
    }

    /**
     * May this NGO use these kinds of information about the child for this purpose today? Default
     * deny: only an ACTIVE consent naming the NGO, the purpose and every category (as every grantor
     * whose consent counts today ticked them), within its period, with every grantor the rules
     * require today, permits ({@link Decision#of}). An NGO asks for itself; a municipality for its
     * own children's consents. Days are Danish days, as for expiry.
     */
    public Decision decide(Caller caller, String childId, String ngoCode, Purpose purpose, Set<DataCategory> categories) {
        String asking = caller.hasRole("NGO_COORDINATOR") || caller.hasRole("VOLUNTEER") ? caller.organisation() : ngoCode;
        List<Consent> asked = consents.findByChildId(childId).stream()
                .filter(consent -> !caller.hasRole("MUNICIPAL_STAFF") || consent.municipalityCode().equals(caller.organisation()))
                .toList();
        Decision decision = Decision.of(asked, new IntendedUse(asking, purpose, categories, today()), rules);
        auditDecision(caller, decision, purpose.name(), childId, categories);
        return decision;
    }

    /**
     * Rule 10: every decision is recorded with who asked, for which child, the purpose and the
     * categories asked about, permit or deny, and the consent and its version that decided it
     * ({@code <consentId>@v<version>}; none when nothing permitted).
     */
    private void auditDecision(Caller caller, Decision decision, String purpose, String childId,
            Set<DataCategory> categories) {
        DataAccess asked = new DataAccess(categories.stream().map(Enum::name).toList(), purpose)
                .underConsent(decision.consentId(), decision.consentVersion());
        audit.record(caller, decision.permitted() ? AuditRecord.Action.READ : AuditRecord.Action.DENIED,
                "consent-decision:" + purpose, asked.consent(), childId, asked);
    }

    /**
     * May a professional of this role in the caller's municipality follow the child's referrals
     * today? Only while a consent of the municipality that names the role is in force (default
     * deny, as {@link #decide}); the referral service asks when a colleague is added and at every
     * read of the follower, so a withdrawal ends it at once. Audited like every decision.
     */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Decision mayFollow(Caller caller, String childId, String staffRole) {
        Decision decision = consents.findByChildIdAndMunicipalityCodeOrderByCreatedAtDesc(childId,
                        caller.organisation()).stream()
                .filter(consent -> consent.letsFollow(staffRole, today(), rules))
                .findFirst()
                .map(consent -> new Decision(true, consent.id(), consent.versionNumber(), Set.<DataCategory>of()))
                .orElse(new Decision(false, null, null, Set.of()));
        auditDecision(caller, decision, "FOLLOWING", childId, Set.of());
        return decision;
    }

    /**
     * The children NGOs registered in the caller's municipality that it may know of: only those whose
     * parents' consent, recorded by the registering NGO, is in force today and lets the NGO tell the
     * municipality (PROGRESS_TO_REFERRER). Without it the municipality learns nothing individual (the
     * NGO reports aggregates only). Each child shown is audited with the categories the consent covers.
     */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public List<KnownRegisteredChild> registeredChildren(Caller caller) {
        LocalDate today = today();
        List<KnownRegisteredChild> known = registered.inMunicipality(caller.organisation()).stream()
                .flatMap(child -> consents.findByChildIdAndRegisteredByOrderByCreatedAtDesc(child.childId(),
                                child.ngoCode()).stream()
                        .filter(consent -> consent.municipalityCode().equals(caller.organisation()) && consent
                                .covers(child.ngoCode(), Purpose.PROGRESS_TO_REFERRER, today, rules))
                        .findFirst()
                        .map(consent -> new KnownRegisteredChild(child, consent, consent.categoriesOn(today, rules)))
                        .stream())
                .toList();
        known.forEach(child -> audit.record(caller, AuditRecord.Action.READ, "registered-child",
                child.child().referralId(), child.child().childId(), new DataAccess(child.categories().stream()
                        .map(Enum::name).sorted().toList(), Purpose.PROGRESS_TO_REFERRER.name())));
        return known;
    }

    /** A registered child the municipality may know of, under this consent, with the categories it covers today. */
    public record KnownRegisteredChild(RegisteredChild child, Consent consent, Set<DataCategory> categories) {
    }

    /**
     * A sent referral waits for consent and asks, through the broker, whether a consent held here
     * already permits its NGO's use (for example one given while referral-service could not ask):
     * if so, the consent confirms it ({@code consent.confirmed.v1}); if not, the grant will tell
     * later. Same decision as {@link #decide}, for the referral's municipality; audited as asked by
     * referral-service. Each question is decided once: a redelivery finds its answer recorded.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void answerWaitingReferral(String eventId, WaitingReferral waiting) {
        if (store.answeredBefore(eventId)) {
            return;
        }
        List<Consent> asked = consents.findByChildId(waiting.childId()).stream()
                .filter(consent -> consent.municipalityCode().equals(waiting.municipalityCode()))
                .toList();
        Decision decision = Decision.of(asked, new IntendedUse(waiting.ngoCode(), waiting.purpose(),
                waiting.categories(), today()), rules);
        auditDecision(REFERRAL_SERVICE, decision, waiting.purpose().name(), waiting.childId(), waiting.categories());
        // The answer is recorded with the question's id either way, so a redelivered question changes nothing.
        Consent permitting = !decision.permitted() ? null : asked.stream()
                .filter(consent -> consent.id().equals(decision.consentId())).findFirst().orElse(null);
        if (permitting == null || !store.recordConfirmation(permitting.id(), eventId,
                permitting.confirmationFor(waiting.referralId(), clock.instant()))) {
            store.rememberAnsweredNo(eventId, waiting.referralId(), clock.instant());
        }
    }

    /** A referral's question as {@code referral.awaiting-consent.v1} asks it. */
    public record WaitingReferral(String referralId, String childId, String municipalityCode, String ngoCode,
                                  Purpose purpose, Set<DataCategory> categories) {
    }

    /**
     * A consent's versions and erasure confirmations, for the data protection officer: a
     * municipality's administrator sees its own consents, the platform's administrator every one.
     * Another's answers like a missing one; the read is audited.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Consent history(Caller caller, String id) {
        Consent consent = "PLATFORM".equals(caller.organisationType())
                ? consents.findById(id).orElseThrow(() -> ProblemException.notFound("Consent " + id))
                : ownConsent(caller, id);
        audit.record(caller, AuditRecord.Action.READ, "consent-history", id, consent.childId());
        return consent;
    }

    /** Where the consent stands today under the rules, for staff: in force or not, and what the age rule still needs. */
    public Standing standing(Consent consent) {
        LocalDate today = today();
        return new Standing(consent.inForceOn(today, rules), consent.ageRuleNote(today, rules));
    }

    /** The rules the decisions apply, as set now, for administrators to check. */
    @PreAuthorize("hasRole('ADMIN')")
    public ConsentRules rules() {
        return rules;
    }

    /**
     * A consent of the caller's organisation; another's answers like a missing one, and the attempt is
     * audited. A coordinator's are those their NGO recorded for children it registered; staff's those
     * their municipality recorded; a municipality's administrator (the controller's) sees both.
     */
    public Consent ownConsent(Caller caller, String id) {
        Optional<Consent> own = caller.hasRole(COORDINATOR) ? consents.findByIdAndRegisteredBy(id, caller.organisation())
                : caller.hasRole("ADMIN") ? consents.findByIdAndMunicipalityCode(id, caller.organisation())
                : consents.findByIdAndMunicipalityCodeAndRegisteredByIsNull(id, caller.organisation());
        return own.orElseThrow(() -> {
            consents.findById(id).ifPresent(other -> audit.record(caller, AuditRecord.Action.DENIED, "consent", id,
                    other.childId()));
            return ProblemException.notFound("Consent " + id);
        });
    }

    private Consent change(Caller caller, String id, Consumer<Consent> change) {
        Consent consent = ownConsent(caller, id);
        consent.changedBy(caller.subject());
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

    private LocalDate today() {
        return Consent.dayOf(clock.instant());
    }

    /**
     * @param inForce     it grants something today (see {@link Consent#inForceOn})
     * @param ageRuleNote whose consent the age rule still needs today; null when none
     */
    public record Standing(boolean inForce, AgeRuleNote ageRuleNote) {
    }

    /**
     * What the professional records from the consent form.
     *
     * @param childBirthDate      optional, known from the referral; decides the age rule
     * @param youngPersonRequired stands in for the age rule while the birth date is unknown
     * @param followerRoles       the professional roles the custody holders let follow the referral; may be empty
     */
    public record NewConsent(String childId, LocalDate childBirthDate, String referralId, List<String> grantees,
                             String interventionCode, Set<Purpose> purposes, Set<DataCategory> categories,
                             LocalDate validFrom, LocalDate validUntil, int custodyHoldersRequired,
                             boolean youngPersonRequired, String textVersion, List<String> followerRoles) {
    }
}
