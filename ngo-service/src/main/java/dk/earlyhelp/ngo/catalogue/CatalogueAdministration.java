package dk.earlyhelp.ngo.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * The platform administrator maintains the catalogue: NGOs, municipalities, interventions and
 * partnerships. Only an {@code ADMIN} of the platform itself (organisation type {@code PLATFORM})
 * may; anyone else answers 403, audited. Every change is audited and publishes the intervention(s)
 * it touches through their outbox ({@link InterventionPublished}), so the other services' copies follow.
 *
 * <p><b>A partnership's terms change by new versions, never by overwriting.</b> Changing the model or
 * the sharing policy appends a {@link PartnershipVersion} (from today, who, why); the history is kept
 * in the intervention's document with the change, in one write. What a change means for children
 * already there (the decision, also in the README):
 * <ul>
 *   <li><b>Collaboration model:</b> children already in the NGO's inbox keep the model under which they
 *   came. Their referral or registration is not examined again (a child the NGO registered itself under
 *   B1 stays when the partnership moves to A), and the division of work agreed for their course does not
 *   shift under it; the history says which model applied on the day a child arrived. New referrals and
 *   registrations follow the new model from its date. A version applies from the day it is made: it
 *   cannot be dated back, so no child's past is read under other terms, nor ahead.</li>
 *   <li><b>Sharing policy:</b> the stricter one wins for each child. A partnership that turns to
 *   {@code AGGREGATES_ONLY} stops individual progress reports at once, for every child; one that turns
 *   back to {@code PROGRESS_WITH_CONSENT} does so for children referred from then on, while those who came
 *   under aggregates only keep the confidential space they were promised (referral-service records the
 *   policy per referral when it is shared and keeps the stricter).</li>
 * </ul>
 */
@Service
public class CatalogueAdministration {

    private static final Logger log = LoggerFactory.getLogger(CatalogueAdministration.class);
    private static final Pattern PARTNERSHIP_ID = Pattern.compile("([A-Z0-9_]{1,40})-(\\d{4})");

    private final MongoTemplate mongo;
    private final NgoRepository ngos;
    private final MunicipalityRepository municipalities;
    private final InterventionRepository interventions;
    private final InterventionWrites writes;
    private final CatalogueReference reference;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogueAdministration(MongoTemplate mongo, NgoRepository ngos, MunicipalityRepository municipalities,
            InterventionRepository interventions, InterventionWrites writes, CatalogueReference reference,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.ngos = ngos;
        this.municipalities = municipalities;
        this.interventions = interventions;
        this.writes = writes;
        this.reference = reference;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- NGOs -------------------------------------------------------------------------------

    /** Adds an NGO; a code in use answers 409. It has no offers yet, so nothing is published. */
    @PreAuthorize("hasRole('ADMIN')")
    public Ngo addNgo(Caller caller, String code, NgoDetails details) {
        platformAdministrator(caller);
        return insertNew(caller, new Ngo(code, details.name(), details.staffing(), details.volunteerQualification(),
                details.focus(), caller.subject(), clock.instant(), List.of()), "NGO", code);
    }

    /**
     * Changes an NGO's name, staffing, qualification or focus, and publishes each of its
     * interventions again (their events carry its name). The codes to publish are noted in the
     * NGO's document with the change, and each is removed once its intervention's event is recorded,
     * so an interrupted round is finished at the next start.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Ngo changeNgo(Caller caller, String code, NgoDetails details) {
        platformAdministrator(caller);
        List<String> offers = mongo.find(Query.query(Criteria.where("ngoCode").is(code)), Intervention.class)
                .stream().map(Intervention::code).sorted().toList();
        Ngo changed = modify(caller, Ngo.class, "NGO", code, new Update()
                .set("name", details.name()).set("staffing", details.staffing())
                .set("volunteerQualification", details.volunteerQualification()).set("focus", details.focus())
                .set("republish", offers));
        republishOffersOf(changed);
        return changed;
    }

    /** Finishes publishing the offers of NGOs whose change was interrupted. */
    @EventListener(ApplicationReadyEvent.class)
    void finishInterruptedRepublishing() {
        mongo.find(Query.query(Criteria.where("republish.0").exists(true)), Ngo.class).forEach(this::republishOffersOf);
    }

    private void republishOffersOf(Ngo ngo) {
        for (String code : ngo.republish() == null ? List.<String>of() : ngo.republish()) {
            try {
                writes.republish(code, clock.instant());
            } catch (ProblemException overtaken) {
                // The NGO's change stands; its offer is published again at the next start.
                log.warn("Intervention {} of NGO {} could not be published again now", code, ngo.code());
                continue;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(ngo.code())), new Update().pull("republish", code),
                    Ngo.class);
        }
        if (ngo.republish() != null && !ngo.republish().isEmpty()) {
            log.info("Published {} intervention(s) of NGO {} again", ngo.republish().size(), ngo.code());
        }
    }

    /** What the administrator says about an NGO. */
    public record NgoDetails(String name, String staffing, String volunteerQualification, String focus) {
    }

    // ---- Municipalities ---------------------------------------------------------------------

    /** Adds a municipality partnerships can name; a code in use answers 409. */
    @PreAuthorize("hasRole('ADMIN')")
    public Municipality addMunicipality(Caller caller, String code, String name) {
        platformAdministrator(caller);
        return insertNew(caller, new Municipality(code, name, caller.subject(), clock.instant()), "Municipality",
                code);
    }

    /**
     * Renames a municipality. Other services know municipalities by code only (their copies hold
     * no names), so there is nothing to publish.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Municipality renameMunicipality(Caller caller, String code, String name) {
        platformAdministrator(caller);
        return modify(caller, Municipality.class, "Municipality", code, new Update().set("name", name));
    }

    // ---- Interventions ----------------------------------------------------------------------

    /**
     * Adds an intervention of an NGO (400 for an NGO not in the catalogue or a description that
     * breaks {@link InterventionRules}; 409 for a code in use). It has no partnerships yet: it is
     * published, and offered nowhere until a partnership names a municipality.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Intervention addIntervention(Caller caller, String code, String ngoCode,
            InterventionDescription description) {
        platformAdministrator(caller);
        FieldErrors errors = InterventionRules.check(description, reference, municipalityCodes());
        if (!ngos.existsById(ngoCode)) {
            errors.add("ngoCode", "is not an NGO of the catalogue");
        }
        errors.throwIfAny();
        if (interventions.existsById(code)) {
            throw codeTaken("Intervention", code);
        }
        Intervention intervention = new Intervention(code, description.name(), ngoCode, List.of(), null,
                description.types(), description.targetGroup(), description.format(), description.capacity(),
                description.deliveredBy(), description.measures(), description.fidelityManual(), null,
                description.staircaseStep(), List.of(), null, null, null, List.of());
        if (!writes.insert(intervention, caller.subject(), clock.instant())) {
            throw codeTaken("Intervention", code);
        }
        audit.record(caller, AuditRecord.Action.CREATE, "intervention", code, null);
        events.publishEvent(new CatalogueSaved());
        return interventions.findById(code).orElse(intervention);
    }

    /**
     * Replaces an intervention's description; its code, NGO and partnerships stay (an offer stays
     * with its NGO: its referrals, people and groups are the NGO's; another NGO's offer is a new one).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Intervention changeIntervention(Caller caller, String code, String ngoCode,
            InterventionDescription description) {
        platformAdministrator(caller);
        Intervention current = interventions.findById(code)
                .orElseThrow(() -> ProblemException.notFound("Intervention " + code));
        FieldErrors errors = InterventionRules.check(description, reference, municipalityCodes());
        if (!current.ngoCode().equals(ngoCode)) {
            errors.add("ngoCode", "cannot change: an intervention stays with its NGO (add a new one instead)");
        }
        errors.throwIfAny();
        Intervention changed = writes.change(code, stored -> stored.describedAs(description), caller.subject(),
                clock.instant()).orElseThrow(() -> ProblemException.notFound("Intervention " + code));
        audit.record(caller, AuditRecord.Action.UPDATE, "intervention", code, null);
        events.publishEvent(new CatalogueSaved());
        return changed;
    }

    /** The whole stored description of an intervention, for the administrator to change it. */
    @PreAuthorize("hasRole('ADMIN')")
    public Intervention intervention(Caller caller, String code) {
        platformAdministrator(caller);
        return interventions.findById(code).orElseThrow(() -> ProblemException.notFound("Intervention " + code));
    }

    // ---- Partnerships -----------------------------------------------------------------------

    /**
     * Makes a partnership of an intervention with a municipality, with its first terms (version 1,
     * from today) and steering group; the intervention is then offered there. 400 for an
     * intervention or municipality not in the catalogue, 409 for a partnership that exists.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Partnership addPartnership(Caller caller, String interventionCode, String municipalityCode,
            CollaborationModel model, ProgressSharing sharing, String reason, List<SteeringGroupMember> steeringGroup) {
        platformAdministrator(caller);
        FieldErrors errors = new FieldErrors();
        if (!interventions.existsById(interventionCode)) {
            errors.add("interventionCode", "is not an intervention of the catalogue");
        }
        if (!municipalities.existsById(municipalityCode)) {
            errors.add("municipalityCode", "is not a municipality of the catalogue");
        }
        errors.throwIfAny();
        String id = Partnership.id(interventionCode, municipalityCode);
        Instant now = clock.instant();
        PartnershipAgreement agreement = new PartnershipAgreement(municipalityCode, List.of(new PartnershipVersion(1,
                Intervention.today(now), model.name(), sharing, caller.subject(), reason, now)), steeringGroup);
        Intervention changed = writes.change(interventionCode, stored -> {
            if (stored.worksWith(municipalityCode)) {
                throw new ProblemException(HttpStatus.CONFLICT, "partnership-exists", "The partnership exists",
                        "Partnership " + id + " exists; change its terms with a new version instead.");
            }
            return stored.withAgreement(agreement);
        }, caller.subject(), now).orElseThrow(() -> ProblemException.notFound("Intervention " + interventionCode));
        audit.record(caller, AuditRecord.Action.CREATE, "partnership", id, null);
        events.publishEvent(new CatalogueSaved());
        return view(changed, municipalityCode);
    }

    /**
     * Changes a partnership's collaboration model or sharing policy by appending a version from
     * today, with who and why (422 {@code terms-unchanged} when both stay as they are).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Partnership changeTerms(Caller caller, String id, CollaborationModel model, ProgressSharing sharing,
            String reason) {
        platformAdministrator(caller);
        Matcher parts = parse(id);
        String municipality = parts.group(2);
        Instant now = clock.instant();
        Intervention changed = writes.change(parts.group(1), stored -> {
            if (!stored.worksWith(municipality)) {
                throw ProblemException.notFound("Partnership " + id);
            }
            PartnershipAgreement soFar = stored.agreementSoFar(municipality);
            PartnershipVersion current = soFar.current();
            if (current.sameTerms(model, sharing)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "terms-unchanged",
                        "The terms are the same", "Partnership " + id + " already has model " + model
                        + " and sharing policy " + sharing + "; nothing to record.");
            }
            List<PartnershipVersion> versions = new ArrayList<>(soFar.versions());
            versions.add(new PartnershipVersion(current.number() + 1, Intervention.today(now), model.name(), sharing,
                    caller.subject(), reason, now));
            return stored.withAgreement(new PartnershipAgreement(municipality, versions, soFar.steeringGroup()));
        }, caller.subject(), now).orElseThrow(() -> ProblemException.notFound("Partnership " + id));
        audit.record(caller, AuditRecord.Action.UPDATE, "partnership", id, null);
        log.info("Partnership {} has model {} and sharing policy {} from version {}", id, model, sharing,
                changed.termsWith(municipality).number());
        events.publishEvent(new CatalogueSaved());
        return view(changed, municipality);
    }

    /** Replaces the members of a partnership's steering group; its terms stay. */
    @PreAuthorize("hasRole('ADMIN')")
    public Partnership replaceSteeringGroup(Caller caller, String id, List<SteeringGroupMember> members) {
        platformAdministrator(caller);
        Matcher parts = parse(id);
        String municipality = parts.group(2);
        Intervention changed = writes.change(parts.group(1), stored -> {
            if (!stored.worksWith(municipality)) {
                throw ProblemException.notFound("Partnership " + id);
            }
            PartnershipAgreement soFar = stored.agreementSoFar(municipality);
            return stored.withAgreement(new PartnershipAgreement(municipality, soFar.versions(), members));
        }, caller.subject(), clock.instant()).orElseThrow(() -> ProblemException.notFound("Partnership " + id));
        audit.record(caller, AuditRecord.Action.UPDATE, "partnership", id, null);
        return view(changed, municipality);
    }

    /** Every version of a partnership's terms, oldest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<PartnershipVersion> history(Caller caller, String id) {
        platformAdministrator(caller);
        Matcher parts = parse(id);
        return interventions.findById(parts.group(1)).filter(intervention -> intervention.worksWith(parts.group(2)))
                .map(intervention -> intervention.history(parts.group(2)))
                .orElseThrow(() -> ProblemException.notFound("Partnership " + id));
    }

    private Partnership view(Intervention intervention, String municipalityCode) {
        return Partnership.of(intervention, ngos.findById(intervention.ngoCode()).map(Ngo::name).orElse(null),
                municipalityCode);
    }

    private static Matcher parse(String id) {
        Matcher parts = PARTNERSHIP_ID.matcher(id);
        if (!parts.matches()) {
            throw ProblemException.notFound("Partnership " + id);
        }
        return parts;
    }

    private Set<String> municipalityCodes() {
        return municipalities.findAll().stream().map(Municipality::code).collect(Collectors.toSet());
    }

    /**
     * The administrator's role is the platform's: an administrator of a municipality or an NGO may
     * not change the shared catalogue. Refused like a role that may not (403, audited on the endpoint).
     */
    private static void platformAdministrator(Caller caller) {
        if (!"PLATFORM".equals(caller.organisationType())) {
            throw new AccessDeniedException("Only the platform's administrator maintains the catalogue");
        }
    }

    /** Inserts a new NGO or municipality under its code (409 when the code is in use); audited as created. */
    private <T> T insertNew(Caller caller, T document, String kind, String code) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException taken) {
            throw codeTaken(kind, code);
        }
        audit.record(caller, AuditRecord.Action.CREATE, kind.toLowerCase(Locale.ROOT), code, null);
        return document;
    }

    /** Changes an NGO or municipality found by its code (404 when none), noting who and when; audited. */
    private <T> T modify(Caller caller, Class<T> type, String kind, String code, Update update) {
        T changed = mongo.findAndModify(Query.query(Criteria.where("_id").is(code)),
                update.set("changedBy", caller.subject()).set("changedAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), type);
        if (changed == null) {
            throw ProblemException.notFound(kind + " " + code);
        }
        audit.record(caller, AuditRecord.Action.UPDATE, kind.toLowerCase(Locale.ROOT), code, null);
        return changed;
    }

    private static ProblemException codeTaken(String what, String code) {
        return new ProblemException(HttpStatus.CONFLICT, "code-taken", "The code is in use",
                what + " code " + code + " is in use; choose another.");
    }
}
