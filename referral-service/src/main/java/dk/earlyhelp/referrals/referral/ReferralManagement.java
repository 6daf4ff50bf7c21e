package dk.earlyhelp.referrals.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;
import dk.earlyhelp.referrals.child.ChildIdentity;
import dk.earlyhelp.referrals.child.CprNumber;

/** Use cases on referrals; the only entry point for the web and messaging adapters. */
@Service
public class ReferralManagement {

    private static final Logger log = LoggerFactory.getLogger(ReferralManagement.class);
    static final Set<ReferralStatus> OPEN = EnumSet.of(ReferralStatus.DRAFT, ReferralStatus.SUBMITTED,
            ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.WAITLISTED, ReferralStatus.MATCHED,
            ReferralStatus.STARTED);

    private final ReferralRepository referrals;
    private final ReferralStore store;
    private final ChildIdentity identities;
    private final AuditTrail audit;
    private final Clock clock;

    ReferralManagement(ReferralRepository referrals, ReferralStore store, ChildIdentity identities, AuditTrail audit,
            Clock clock) {
        this.referrals = referrals;
        this.store = store;
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a referral in the caller's municipality, as a draft or submitted at once. If the
     * child already has an open referral there, the caller must confirm; they learn nothing more.
     */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral create(Caller caller, NewReferral request) {
        // Re-referring (bridge-building) keeps the child's identity, CPR number included, from the original.
        Child original = request.basedOn() == null ? null : readable(caller, request.basedOn()).child();
        CprNumber cpr = original == null ? cpr(request.cpr()) : null;
        LocalDate birthDate = original == null ? birthDate(cpr, request.birthDate()) : original.birthDate();
        String pseudonym = original != null ? original.pseudonym()
                : identities.pseudonym(caller.organisation(), cpr, request.firstName(), request.lastName(), birthDate);
        if (!request.confirmDuplicate()
                && referrals.existsByMunicipalityCodeAndChildPseudonymAndStatusIn(caller.organisation(), pseudonym, OPEN)) {
            throw new ProblemException(HttpStatus.CONFLICT, "duplicate-referral", "Possible duplicate",
                    "This child already has an open referral in your municipality. Check with your colleagues, "
                            + "or confirm that you want to create another one.");
        }
        Child child = original != null ? original
                : new Child(pseudonym, request.firstName(), request.lastName(), birthDate, request.gender(),
                        request.school(), request.postcode(), identities.encrypt(cpr));
        Referrer referrer = new Referrer(caller.subject(), caller.organisation(),
                caller.staffRole() == null ? "UNKNOWN" : caller.staffRole());
        Referral referral = store.insert(Referral.create(UUID.randomUUID().toString(), referrer, child,
                request.interventionCode(), request.concerns(), request.urgency(), request.childView(),
                request.submit(), clock.instant()));
        audit.record(caller, AuditRecord.Action.CREATE, "referral", referral.id(), pseudonym);
        log.info("Referral {} {} for {} in municipality {}", referral.id(), referral.status(),
                referral.interventionCode(), referral.municipalityCode());
        return referral;
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral submit(Caller caller, String id) {
        return change(caller, id, referral -> referral.submit(caller.subject(), clock.instant()));
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral withdraw(Caller caller, String id, String reason) {
        return change(caller, id, referral -> referral.withdraw(caller.subject(), reason, clock.instant()));
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral get(Caller caller, String id) {
        Referral referral = readable(caller, id);
        audit.record(caller, AuditRecord.Action.READ, "referral", id, referral.child().pseudonym());
        return referral;
    }

    /** The referral if it belongs to the caller's municipality; another one answers exactly like a missing one. */
    private Referral readable(Caller caller, String id) {
        return referrals.findByIdAndMunicipalityCode(id, caller.organisation()).orElseThrow(() -> {
            referrals.findById(id).ifPresent(other -> audit.record(caller, AuditRecord.Action.DENIED, "referral", id,
                    other.child().pseudonym()));
            return ProblemException.notFound("Referral " + id);
        });
    }

    /** The caller's own referrals, newest first, optionally of some statuses only. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Page<Referral> mine(Caller caller, Collection<ReferralStatus> statuses, int page, int size) {
        Collection<ReferralStatus> wanted = statuses == null || statuses.isEmpty()
                ? EnumSet.allOf(ReferralStatus.class) : statuses;
        Page<Referral> found = referrals.findByMunicipalityCodeAndReferrerIdAndStatusIn(caller.organisation(),
                caller.subject(), wanted, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")));
        found.forEach(referral -> audit.record(caller, AuditRecord.Action.READ, "referral", referral.id(),
                referral.child().pseudonym()));
        return found;
    }

    /**
     * Applies the NGO's news about a referral, once per event; called by the messaging adapter, so
     * no user is calling. A version conflict is retried with a fresh read.
     */
    public void applyNgoDecision(String eventId, String referralId, ReferralStatus decided, String reason,
            String suggestedIntervention, Instant at) {
        for (int attempt = 1; ; attempt++) {
            Referral referral = referrals.findById(referralId).orElse(null);
            if (referral == null
                    || !referral.applyNgoDecision(eventId, decided, reason, suggestedIntervention, at)) {
                return;
            }
            try {
                store.saveChange(referral, eventId);
                log.info("Referral {} is now {}", referralId, decided);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Referral change(Caller caller, String id, java.util.function.Consumer<Referral> change) {
        Referral referral = readable(caller, id);
        try {
            change.accept(referral);
            store.saveChange(referral, null);
        } catch (Referral.ReasonRequired e) {
            throw ProblemException.invalidField("reason", e.getMessage());
        } catch (Referral.IllegalTransition e) {
            throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now", e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "changed-meanwhile", "Changed meanwhile",
                    "The referral was changed by someone else. Reload it and try again.");
        }
        audit.record(caller, AuditRecord.Action.UPDATE, "referral", referral.id(), referral.child().pseudonym());
        log.info("Referral {} is now {}", referral.id(), referral.status());
        return referral;
    }

    private static CprNumber cpr(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return CprNumber.parse(given);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("child.cpr", e.getMessage());
        }
    }

    private static LocalDate birthDate(CprNumber cpr, LocalDate given) {
        if (cpr == null && given == null) {
            throw ProblemException.invalidField("child.birthDate", "is required when no CPR number is given");
        }
        if (cpr == null) {
            return given;
        }
        if (given != null && !given.equals(cpr.birthDate())) {
            throw ProblemException.invalidField("child.birthDate", "does not match the CPR number");
        }
        return cpr.birthDate();
    }

    /** What the referrer tells about the child and the wished offer. */
    public record NewReferral(String cpr, String firstName, String lastName, LocalDate birthDate, Child.Gender gender,
                              String school, String postcode, String interventionCode, List<String> concerns,
                              Urgency urgency, ChildView childView, boolean submit, boolean confirmDuplicate,
                              String basedOn) {
    }
}
