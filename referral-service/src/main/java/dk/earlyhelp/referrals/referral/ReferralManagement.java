package dk.earlyhelp.referrals.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

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
import dk.earlyhelp.platform.audit.DataAccess;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;
import dk.earlyhelp.referrals.child.ChildIdentity;
import dk.earlyhelp.referrals.child.CprNumber;
import dk.earlyhelp.referrals.consent.ConsentDecision;
import dk.earlyhelp.referrals.consent.ConsentDecisions;
import dk.earlyhelp.referrals.consent.DataCategory;
import dk.earlyhelp.referrals.eligibility.ChildFacts;
import dk.earlyhelp.referrals.eligibility.Eligibility;
import dk.earlyhelp.referrals.offer.OfferCatalogue;
import dk.earlyhelp.referrals.search.OfferSearch;

/** Use cases on referrals; the only entry point for the web and messaging adapters. */
@Service
public class ReferralManagement {

    private static final Logger log = LoggerFactory.getLogger(ReferralManagement.class);
    static final String REFERRAL_AND_DELIVERY = "REFERRAL_AND_DELIVERY";
    static final String PROGRESS_TO_REFERRER = "PROGRESS_TO_REFERRER";
    /** What the referral event itself tells the NGO besides codes for age, gender and urgency. */
    static final Set<DataCategory> SHARED_WHEN_REFERRED = EnumSet.of(DataCategory.CONCERNS);
    static final Set<ReferralStatus> OPEN = EnumSet.of(ReferralStatus.DRAFT, ReferralStatus.SUBMITTED,
            ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.WAITLISTED, ReferralStatus.MATCHED,
            ReferralStatus.STARTED);

    private final ReferralRepository referrals;
    private final ReferralStore store;
    private final ChildIdentity identities;
    private final OfferSearch offers;
    private final OfferCatalogue catalogue;
    private final ConsentDecisions consents;
    private final AuditTrail audit;
    private final Clock clock;

    ReferralManagement(ReferralRepository referrals, ReferralStore store, ChildIdentity identities, OfferSearch offers,
            OfferCatalogue catalogue, ConsentDecisions consents, AuditTrail audit, Clock clock) {
        this.catalogue = catalogue;
        this.consents = consents;
        this.referrals = referrals;
        this.offers = offers;
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
        Referrer referrer = new Referrer(caller.subject(), caller.organisation(),
                caller.staffRole() == null ? "UNKNOWN" : caller.staffRole(), caller.email(), caller.team());
        Referral referral = Referral.draft(UUID.randomUUID().toString(), referrer,
                content(caller, request, null), clock.instant());
        if (request.submit()) {
            try {
                submitChecked(caller, referral, request.confirmDuplicate());
            } catch (RuntimeException e) {
                throw problem(e);
            }
        }
        store.insert(referral);
        audit.record(caller, AuditRecord.Action.CREATE, "referral", referral.id(), referral.child().pseudonym());
        log.info("Referral {} {} for {} in municipality {}", referral.id(), referral.status(),
                referral.interventionCode(), referral.municipalityCode());
        return referral;
    }

    /** Replaces what the caller's own draft says; the portal saves drafts this way as the referrer types. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral reviseDraft(Caller caller, String id, NewReferral request) {
        Referral draft = own(caller, id);
        ReferralContent content = content(caller, request, draft.child());
        return change(caller, draft, referral -> referral.revise(content));
    }

    /**
     * Sends a draft to the NGO: it must be complete, the child must fit the offer (or the referrer
     * gives a reason), and a possible duplicate must be confirmed.
     */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral submit(Caller caller, String id, boolean confirmDuplicate, String overrideReason) {
        Referral draft = own(caller, id);
        return change(caller, draft, referral -> {
            if (overrideReason != null && !overrideReason.isBlank()) {
                referral.revise(referral.content().withOverrideReason(overrideReason.strip()));
            }
            submitChecked(caller, referral, confirmDuplicate);
        });
    }

    private void submitChecked(Caller caller, Referral referral, boolean confirmDuplicate) {
        List<String> missing = referral.content().missingForSubmission();
        if (!missing.isEmpty()) {
            throw new Referral.Incomplete(missing);
        }
        if (!confirmDuplicate && referrals.existsByMunicipalityCodeAndChildPseudonymAndStatusInAndIdNot(
                caller.organisation(), referral.child().pseudonym(), OPEN, referral.id())) {
            throw new ProblemException(HttpStatus.CONFLICT, "duplicate-referral", "Possible duplicate",
                    "This child already has an open referral in your municipality. Check with your colleagues, "
                            + "or confirm that you want to create another one.");
        }
        Eligibility eligibility = eligibility(caller, referral.content());
        String ngo = ngoOf(referral.interventionCode());
        referral.submit(caller.subject(), eligibility, consentToRefer(referral, ngo), clock.instant());
        if (ngo != null) {
            // Also when the consent service gave no answer: the question waits on the topic until it is back.
            referral.askForConsent(ngo, REFERRAL_AND_DELIVERY,
                    SHARED_WHEN_REFERRED.stream().map(Enum::name).toList(), clock.instant());
        }
    }

    /** The consent under which {@code ngo} may receive the referral now, or null: then it waits for one. */
    private Referral.SharingConsent consentToRefer(Referral referral, String ngo) {
        if (ngo == null) {
            return null;
        }
        String child = referral.child().pseudonym();
        ConsentDecision decision = consents.decide(child, ngo, REFERRAL_AND_DELIVERY, SHARED_WHEN_REFERRED);
        if (!decision.permitted()) {
            return null;
        }
        // Under an aggregates-only partnership the consent's PROGRESS_TO_REFERRER changes nothing: not asked.
        boolean sharesProgress = sharesProgress(referral);
        return new Referral.SharingConsent(decision.consentId(), sharesProgress
                && consents.decide(child, ngo, PROGRESS_TO_REFERRER, SHARED_WHEN_REFERRED).permitted(), sharesProgress);
    }

    /** Whether the partnership's sharing policy lets the NGO report this child's course back at all. */
    private boolean sharesProgress(Referral referral) {
        return catalogue.sharesProgress(referral.interventionCode(), referral.municipalityCode());
    }

    /**
     * Asks the consent service again for a referral that waits for consent, e.g. when it could
     * not be reached at submission; sends it to the NGO if the consent is there now.
     */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral recheckConsent(Caller caller, String id) {
        Referral referral = own(caller, id);
        if (!referral.awaitsConsent()) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-awaiting-consent", "Not waiting for consent",
                    "This referral is not waiting for consent.");
        }
        Referral.SharingConsent consent = consentToRefer(referral, ngoOf(referral.interventionCode()));
        if (consent == null) {
            return referral;
        }
        return change(caller, referral, waiting -> waiting.consentGiven("recheck:" + consent.consentId(), consent,
                clock.instant()));
    }

    /**
     * A consent became active: the child's referrals that wait for it and that it covers (the
     * NGO named for referral and delivery, with the concerns the referral carries) go to the NGO.
     * Called by the messaging adapter for the consent service's event.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void consentGranted(String eventId, GrantedConsent consent) {
        if (!consent.purposes().contains(REFERRAL_AND_DELIVERY)
                || !consent.categories().containsAll(SHARED_WHEN_REFERRED.stream().map(Enum::name).toList())) {
            return;
        }
        referrals.findByMunicipalityCodeAndChildPseudonym(consent.municipalityCode(), consent.childId()).stream()
                .filter(Referral::awaitsConsent)
                .filter(referral -> consent.covers(referral.interventionCode(),
                        ngoOf(referral.interventionCode())))
                .forEach(referral -> applyOnce(referral.id(), eventId, waiting -> waiting.consentGiven(eventId,
                        new Referral.SharingConsent(consent.consentId(),
                                consent.purposes().contains(PROGRESS_TO_REFERRER), sharesProgress(waiting)),
                        consent.occurredAt())));
    }

    /** A consent was refused, withdrawn or expired: the referrals it concerns say so to their referrers. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void consentEnded(String eventId, EndedConsent consent) {
        referrals.findByMunicipalityCodeAndChildPseudonym(consent.municipalityCode(), consent.childId())
                .forEach(referral -> applyOnce(referral.id(), eventId, found -> found.consentEnded(eventId,
                        consent.consentId(), consent.referralId(), consent.refused(), consent.occurredAt())));
    }

    /** A consent that became active, as the consent service announced it. */
    public record GrantedConsent(String consentId, String childId, String municipalityCode, List<String> grantees,
                                 String interventionCode, String referralId, Set<String> purposes,
                                 Set<String> categories, Instant occurredAt) {

        /** Names the referral's NGO and, if it names one, its intervention: a consent is about the child, not one referral. */
        boolean covers(String intervention, String ngo) {
            return ngo != null && grantees.contains(ngo)
                    && (interventionCode == null || interventionCode.equals(intervention));
        }
    }

    /** A consent that ended: refused (before it was active) or withdrawn, as the consent service announced it. */
    public record EndedConsent(String consentId, String childId, String municipalityCode, String referralId,
                               boolean refused, Instant occurredAt) {
    }

    private Eligibility eligibility(Caller caller, ReferralContent content) {
        Child child = content.child();
        ChildFacts facts = new ChildFacts(child.ageOn(LocalDate.now(clock.withZone(Referral.DANISH_TIME))),
                child.gender() == null ? null : child.gender().name(), caller.organisation(),
                Set.copyOf(content.concerns()), content.currentSupport().specialSupportMeasure());
        return offers.check(caller, content.interventionCode(), facts).eligibility();
    }

    /** The request as referral content; {@code current} is the draft's child, whose CPR number is kept if not given again. */
    private ReferralContent content(Caller caller, NewReferral request, Child current) {
        if (request.interventionCode() != null && !request.interventionCode().isBlank()) {
            // Fail early on an offer the municipality cannot refer to, even in a draft.
            offers.offerFor(caller, request.interventionCode());
        }
        Child child = request.basedOn() == null ? child(caller, request, current)
                // Re-referring (bridge-building) keeps the child's identity, CPR number included, from the original.
                : readable(caller, request.basedOn()).child();
        return new ReferralContent(child, request.custodyHolders(), request.interventionCode(), request.concerns(),
                request.urgency(), request.childView(), request.currentSupport(), request.overrideReason());
    }

    private Child child(Caller caller, NewReferral request, Child current) {
        CprNumber cpr = cpr(request.cpr());
        String encryptedCpr = cpr != null ? identities.encrypt(cpr)
                : current == null ? null : current.encryptedCpr();
        if (cpr == null && encryptedCpr != null) {
            cpr = identities.decrypt(encryptedCpr);
        }
        LocalDate birthDate = birthDate(cpr, request.birthDate());
        String pseudonym = cpr != null || (birthDate != null && present(request.firstName())
                && present(request.lastName()))
                ? identities.pseudonym(caller.organisation(), cpr, request.firstName(), request.lastName(), birthDate)
                : null;
        return new Child(pseudonym, strip(request.firstName()), strip(request.lastName()), birthDate,
                request.gender(), strip(request.school()), request.postcode(), encryptedCpr);
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral withdraw(Caller caller, String id, String reason) {
        return change(caller, readable(caller, id),
                referral -> referral.withdraw(caller.subject(), reason, clock.instant()));
    }

    /** Answers 404 (audited) unless the referral is the caller's municipality's; reads nothing of it. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public void requireOwnMunicipality(Caller caller, String id) {
        readable(caller, id);
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral get(Caller caller, String id) {
        Referral referral = readable(caller, id);
        audit.record(caller, AuditRecord.Action.READ, "referral", id, referral.child().pseudonym(),
                wholeReferral(referral));
        return referral;
    }

    /** What municipal staff read on a referral's page: all of it, the CPR number where one was given. */
    private static DataAccess wholeReferral(Referral referral) {
        Set<DataCategory> categories = EnumSet.copyOf(SharedReferral.READABLE);
        if (referral.child().encryptedCpr() != null) {
            categories.add(DataCategory.CPR);
        }
        return DataAccess.of(REFERRAL_AND_DELIVERY, categories);
    }

    /**
     * A sent referral as the NGO that delivers its offer reads it: the child's view, concerns and
     * the referrer's override reason, never the child's name or CPR number. Any other caller gets 404.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public SharedReferral forNgo(Caller caller, String id) {
        Referral referral = receivedByCallersNgo(caller, id).orElse(null);
        if (referral == null) {
            referrals.findById(id).ifPresent(other -> audit.record(caller, AuditRecord.Action.DENIED, "referral", id,
                    other.child().pseudonym()));
            throw ProblemException.notFound("Referral " + id);
        }
        // The consent service decides, and audits, which of the child's details the NGO may read now.
        ConsentDecision decision = consents.decide(referral.child().pseudonym(), null, REFERRAL_AND_DELIVERY,
                SharedReferral.READABLE);
        // The categories read are the consent-filtered ones; a refusal names those it asked for.
        boolean refused = decision.permittedCategories().isEmpty();
        audit.record(caller, refused ? AuditRecord.Action.DENIED : AuditRecord.Action.READ, "referral", id,
                referral.child().pseudonym(), DataAccess.of(REFERRAL_AND_DELIVERY,
                        refused ? SharedReferral.READABLE : SharedReferral.READABLE.stream()
                                .filter(decision.permittedCategories()::contains).toList())
                        .underConsent(decision.consentId(), decision.consentVersion()));
        return new SharedReferral(referral, decision);
    }

    /**
     * A referral the caller's NGO received, whatever its consent now says: for a notification of
     * concern (CONSENT.md rule 8), which reads nothing about the child. Any other answers 404.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public Referral deliveredBy(Caller caller, String id) {
        return receivedByCallersNgo(caller, id).orElseThrow(() -> {
            referrals.findById(id).ifPresent(other -> audit.record(caller, AuditRecord.Action.DENIED, "referral", id,
                    other.child().pseudonym()));
            return ProblemException.notFound("Referral " + id);
        });
    }

    /** The referral if the NGO delivering its offer, the caller's, has received it. */
    private Optional<Referral> receivedByCallersNgo(Caller caller, String id) {
        return referrals.findById(id)
                .filter(Referral::sharedWithNgo)
                .filter(found -> caller.belongsToNgo(ngoOf(found.interventionCode())));
    }

    /** The NGO delivering the offer, from the catalogue read model; null for an offer it does not know. */
    private String ngoOf(String interventionCode) {
        return catalogue.find(interventionCode).map(offer -> offer.ngoCode()).orElse(null);
    }

    /**
     * Who to tell about a referral's news: its referrer and its followers. For the notification
     * adapter, which acts on this service's own events; nothing about the child is read.
     */
    public List<Recipient> recipientsOf(String referralId) {
        return referrals.findById(referralId).map(referral -> {
            List<Recipient> recipients = new java.util.ArrayList<>();
            recipients.add(new Recipient(referral.referrerId(), referral.referrerEmail(), referral.municipalityCode()));
            referral.followers().forEach(follower -> recipients.add(
                    new Recipient(null, follower.email(), referral.municipalityCode())));
            return List.copyOf(recipients);
        }).orElse(List.of());
    }

    /** Someone to tell: a user id (the referrer) or only an e-mail address (a follower). */
    public record Recipient(String userId, String email, String municipalityCode) {
    }

    /** The referrals of the caller's team, newest first; for team leads only. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Page<Referral> team(Caller caller, Collection<ReferralStatus> statuses, int page, int size) {
        if (!caller.leadsTeam()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "team-lead-only", "Forbidden",
                    "Only a team lead sees the team's referrals.");
        }
        Page<Referral> found = referrals.findByMunicipalityCodeAndReferrerTeamAndStatusIn(caller.organisation(),
                caller.team(), wanted(statuses), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")));
        found.forEach(referral -> audit.record(caller, AuditRecord.Action.READ, "referral", referral.id(),
                referral.child().pseudonym()));
        return found;
    }

    /**
     * The referrals the caller follows as another professional around the child, newest first: only
     * those whose consent in force still names the caller's role (asked now, so a withdrawal ends it at
     * once); the others are left out and their refusal audited.
     */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public List<Referral> following(Caller caller) {
        if (caller.email() == null) {
            return List.of();
        }
        List<Referral> found = referrals.findByMunicipalityCodeAndFollowersEmailOrderByCreatedAtDesc(
                caller.organisation(), caller.email().toLowerCase(java.util.Locale.ROOT));
        List<Referral> permitted = new java.util.ArrayList<>();
        for (Referral referral : found) {
            ConsentDecision decision = consents.mayFollow(referral.child().pseudonym(), caller.staffRole());
            boolean mayFollow = decision.permitted();
            audit.record(caller, mayFollow ? AuditRecord.Action.READ : AuditRecord.Action.DENIED, "referral",
                    referral.id(), referral.child().pseudonym(),
                    DataAccess.UNSPECIFIED.underConsent(decision.consentId(), decision.consentVersion()));
            if (mayFollow) {
                permitted.add(referral);
            }
        }
        return permitted;
    }

    /**
     * The referrer lets a colleague of the municipality follow the referral: only under a consent in
     * force that names the colleague's role (the custody holders decide who follows, CONSENT.md).
     */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral addFollower(Caller caller, String id, String email, String role) {
        Referral referral = own(caller, id);
        ConsentDecision decision = consents.mayFollow(referral.child().pseudonym(), role);
        if (decision.unavailable()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "consent-unavailable", "Consent unavailable",
                    "The consent service could not be asked; nobody is added without the custody holders' consent.");
        }
        if (!decision.permitted()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "follower-not-consented",
                    "No consent for this colleague",
                    "No consent in force lets a professional of this role follow the child's referral. Record the "
                            + "custody holders' consent naming the role first.");
        }
        Follower follower = new Follower(email.strip().toLowerCase(java.util.Locale.ROOT), role, clock.instant(),
                caller.subject(), decision.consentId());
        return change(caller, referral, found -> found.addFollower(follower));
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral removeFollower(Caller caller, String id, String email) {
        return change(caller, own(caller, id), referral -> referral.removeFollower(email));
    }

    /** The caller's own referral (to edit or share); a colleague's answers like a missing one. */
    private Referral own(Caller caller, String id) {
        Referral referral = readable(caller, id);
        if (!referral.referrerId().equals(caller.subject())) {
            throw ProblemException.notFound("Referral " + id);
        }
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
        Page<Referral> found = referrals.findByMunicipalityCodeAndReferrerIdAndStatusIn(caller.organisation(),
                caller.subject(), wanted(statuses), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC,
                        "createdAt")));
        found.forEach(referral -> audit.record(caller, AuditRecord.Action.READ, "referral", referral.id(),
                referral.child().pseudonym()));
        return found;
    }

    /**
     * Applies the NGO's news about a referral, once per event; called by the messaging adapter, so
     * no user is calling. A version conflict is retried with a fresh read.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void applyNgoDecision(String eventId, String referralId, Referral.NgoNews news) {
        // The policy as it is now: a partnership that turned to aggregates only reports no more progress.
        applyOnce(referralId, eventId, referral -> referral.applyNgoDecision(eventId, news, sharesProgress(referral)));
    }

    /**
     * Applies the NGO's news that the family declined the matched person: the referral waits again
     * as before; once per event, as above.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void applyMatchDeclined(String eventId, String referralId, ReferralStatus waitingAgain, String reason,
            Instant at) {
        applyOnce(referralId, eventId, referral -> referral.applyMatchDeclined(eventId, waitingAgain, reason, at,
                sharesProgress(referral)));
    }

    /** Applies a consumed event's change to a referral once; a version conflict is retried with a fresh read. */
    private void applyOnce(String referralId, String eventId, java.util.function.Predicate<Referral> change) {
        for (int attempt = 1; ; attempt++) {
            Referral referral = referrals.findById(referralId).orElse(null);
            if (referral == null || !change.test(referral)) {
                return;
            }
            try {
                store.saveChange(referral, eventId);
                log.info("Referral {} is now {}, consent {}", referralId, referral.status(), referral.consentState());
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Referral change(Caller caller, Referral referral, Consumer<Referral> change) {
        try {
            change.accept(referral);
            store.saveChange(referral, null);
        } catch (OptimisticLockingFailureException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "changed-meanwhile", "Changed meanwhile",
                    "The referral was changed by someone else. Reload it and try again.");
        } catch (RuntimeException e) {
            throw problem(e);
        }
        audit.record(caller, AuditRecord.Action.UPDATE, "referral", referral.id(), referral.child().pseudonym());
        log.info("Referral {} is now {}", referral.id(), referral.status());
        return referral;
    }

    /** The aggregate's refusals as the problem details the API answers with; anything else as it is. */
    private static RuntimeException problem(RuntimeException refusal) {
        if (refusal instanceof Referral.ReasonRequired e) {
            return ProblemException.invalidField("reason", e.getMessage());
        }
        if (refusal instanceof Referral.Incomplete e) {
            return ProblemException.invalidFields(e.missingFields(), e.getMessage());
        }
        if (refusal instanceof Referral.Ineligible e) {
            ProblemException problem = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                    e.eligibility().verdict() == Eligibility.Verdict.EXCLUDED ? "eligibility-excluded"
                            : "eligibility-override-required", "Not eligible", e.getMessage());
            problem.getBody().setProperty("eligibility", e.eligibility());
            return problem;
        }
        if (refusal instanceof Referral.IllegalTransition e) {
            return new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now", e.getMessage());
        }
        return refusal;
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
        if (cpr == null) {
            return given;
        }
        if (given != null && !given.equals(cpr.birthDate())) {
            throw ProblemException.invalidField("child.birthDate", "does not match the CPR number");
        }
        return cpr.birthDate();
    }

    private static Collection<ReferralStatus> wanted(Collection<ReferralStatus> statuses) {
        return statuses == null || statuses.isEmpty() ? EnumSet.allOf(ReferralStatus.class) : statuses;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** What the referrer tells about the child and the wished offer; in a draft any part may be missing. */
    public record NewReferral(String cpr, String firstName, String lastName, LocalDate birthDate, Child.Gender gender,
                              String school, String postcode, List<CustodyHolder> custodyHolders,
                              String interventionCode, List<String> concerns, Urgency urgency, ChildView childView,
                              CurrentSupport currentSupport, String overrideReason, boolean submit,
                              boolean confirmDuplicate, String basedOn) {
    }
}
