package dk.earlyhelp.ngo.volunteers;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.catalogue.InterventionRepository;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.security.Caller;

/**
 * Use cases of an NGO's people: its coordinators keep their volunteers and staff and move them
 * through the statuses. Everything is scoped to the caller's NGO; another NGO's person answers
 * 404 like a missing one. Logs carry ids only, never a person's name.
 */
@Service
public class VolunteerManagement {

    private static final Logger log = LoggerFactory.getLogger(VolunteerManagement.class);

    private final MongoTemplate mongo;
    private final InterventionRepository interventions;
    private final AuditTrail audit;
    private final Clock clock;

    VolunteerManagement(MongoTemplate mongo, InterventionRepository interventions, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.interventions = interventions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a person to the caller's NGO; they start as an applicant unless the coordinator says otherwise. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public Volunteer create(Caller caller, Profile profile, Volunteer.Status initialStatus) {
        checkInterventions(caller, profile);
        Volunteer.Status status = initialStatus == null ? Volunteer.Status.APPLICANT : initialStatus;
        if (status == Volunteer.Status.PAUSED || status == Volunteer.Status.LEFT) {
            throw ProblemException.invalidField("status", "a new person starts as APPLICANT, ONBOARDING or ACTIVE");
        }
        Instant now = clock.instant();
        Volunteer volunteer = new Volunteer(UUID.randomUUID().toString(), caller.organisation(), profile, status,
                List.of(new StatusChange(status, now, caller.subject())), List.of(), now);
        try {
            insertOnce(volunteer);
        } catch (DuplicateKeyException loginTaken) {
            throw loginTaken();
        }
        log.info("Volunteer {} added to {} as {}", volunteer.id(), caller.organisation(), status);
        return volunteer;
    }

    /** The caller's NGO's people, optionally only those on one intervention or in one status, by name. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public List<Volunteer> volunteers(Caller caller, String interventionCode, Volunteer.Status status) {
        Criteria criteria = Criteria.where("ngoCode").is(caller.organisation());
        if (interventionCode != null) {
            criteria.and("profile.interventionCodes").is(interventionCode);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria), Volunteer.class).stream()
                .sorted(Comparator.comparing((Volunteer v) -> v.profile().displayName(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Volunteer::id))
                .toList();
    }

    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public Volunteer volunteer(Caller caller, String id) {
        Volunteer volunteer = mongo.findOne(own(caller, id), Volunteer.class);
        if (volunteer == null) {
            throw notFound(caller, id);
        }
        return volunteer;
    }

    /** Replaces the profile in one write; status, history and matches stay as they are. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public Volunteer update(Caller caller, String id, Profile profile) {
        checkInterventions(caller, profile);
        Volunteer updated;
        try {
            updated = mongo.findAndModify(own(caller, id),
                    changed(new Update().set("profile", profile)),
                    FindAndModifyOptions.options().returnNew(true), Volunteer.class);
        } catch (DuplicateKeyException loginTaken) {
            throw loginTaken();
        }
        if (updated == null) {
            throw notFound(caller, id);
        }
        log.info("Volunteer {} of {} updated", id, caller.organisation());
        return updated;
    }

    /**
     * Moves a person to a new status and appends it to the history, in one conditional write that
     * matches only from a status the new one may follow; anything else answers 409.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public Volunteer changeStatus(Caller caller, String id, Volunteer.Status status) {
        Query fromAllowed = own(caller, id).addCriteria(Criteria.where("status").in(status.previous()));
        StatusChange entered = new StatusChange(status, clock.instant(), caller.subject());
        Update change = changed(new Update().set("status", status).push("statusHistory", entered));
        // The person's profile is not known before the write; the event takes it from the stored one below.
        Volunteer before = mongo.findOne(fromAllowed, Volunteer.class);
        if (before != null) {
            change.push("pendingEvents", new VolunteerStatusChanged(id, before.ngoCode(), before.profile(), entered)
                    .toPendingEvent());
        }
        Volunteer changed = mongo.findAndModify(fromAllowed, change, FindAndModifyOptions.options().returnNew(true),
                Volunteer.class);
        if (changed != null) {
            log.info("Volunteer {} of {} is now {}", id, caller.organisation(), status);
            return changed;
        }
        Volunteer current = volunteer(caller, id);
        throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now",
                "A person who is " + current.status() + " cannot become " + status + "; next can be "
                        + current.status().next() + ".");
    }

    /** Another NGO's person answers exactly like a missing one; the attempt is audited. */
    private ProblemException notFound(Caller caller, String id) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), Volunteer.class)) {
            audit.record(caller, AuditRecord.Action.DENIED, "volunteer", id, null);
        }
        return ProblemException.notFound("Volunteer " + id);
    }

    /**
     * Adds a person in one write that happens only if the id is new, with one status event per entry
     * of their history in the outbox; an existing person is left exactly as they are.
     *
     * @return whether the person was added
     */
    boolean insertOnce(Volunteer person) {
        Update onInsert = new Update()
                .setOnInsert("ngoCode", person.ngoCode())
                .setOnInsert("profile", person.profile())
                .setOnInsert("status", person.status())
                .setOnInsert("statusHistory", person.statusHistory())
                .setOnInsert("matchedReferralIds", person.matchedReferralIds())
                .setOnInsert("createdAt", person.createdAt())
                .setOnInsert("pendingEvents", VolunteerStatusChanged.of(person));
        return mongo.upsert(Query.query(Criteria.where("_id").is(person.id())), onInsert, Volunteer.class)
                .getUpsertedId() != null;
    }

    /** The NGO's people with these ids, for features that refer to them (group leaders). */
    public List<Volunteer> of(String ngoCode, Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("ngoCode").is(ngoCode).and("_id").in(ids)), Volunteer.class);
    }

    /** The NGO's people on one intervention, in any status, for capacity estimates and demo groups. */
    public List<Volunteer> workingOn(String ngoCode, String interventionCode) {
        return mongo.find(Query.query(Criteria.where("ngoCode").is(ngoCode)
                .and("profile.interventionCodes").is(interventionCode)), Volunteer.class).stream()
                .sorted(Comparator.comparing(Volunteer::id)).toList();
    }

    /** The NGO's active people, on any intervention: the candidates for one-to-one matches, in one query. */
    public List<Volunteer> active(String ngoCode) {
        return mongo.find(Query.query(Criteria.where("ngoCode").is(ngoCode).and("status").is(Volunteer.Status.ACTIVE)),
                Volunteer.class);
    }

    /**
     * A fingerprint of the NGO's people that changes with every person added (the count) and every
     * write to one (each increments the person's {@code revision} and sets {@code changedAt} in the
     * same update), so a copy kept in memory can tell cheaply, in one aggregation, whether it is
     * still current, and read again only who changed.
     */
    public Fingerprint fingerprint(String ngoCode) {
        Document totals = mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.match(Criteria.where("ngoCode").is(ngoCode)),
                        Aggregation.group().count().as("people").sum(Volunteer.REVISION).as("revisions")),
                Volunteer.class, Document.class).getUniqueMappedResult();
        return totals == null ? new Fingerprint(0, 0)
                : new Fingerprint(((Number) totals.get("people")).longValue(),
                        ((Number) totals.get("revisions")).longValue());
    }

    /**
     * The NGO's people written to at or after the instant (any status), for refreshing a copy in
     * memory; people added since are not found here, but change the fingerprint's count.
     */
    public List<Volunteer> changedSince(String ngoCode, Instant since) {
        return mongo.find(Query.query(Criteria.where("ngoCode").is(ngoCode).and(Volunteer.CHANGED_AT).gte(since)),
                Volunteer.class);
    }

    /** Every write to a person says so, in the same update: see {@link #fingerprint}. */
    private Update changed(Update update) {
        return update.inc(Volunteer.REVISION, 1).set(Volunteer.CHANGED_AT, clock.instant());
    }

    /** How many people an NGO has and the sum of their revisions. */
    public record Fingerprint(long people, long revisions) {
    }

    /** The person of the caller's NGO who signs in as the caller, if the coordinator linked one. */
    public Optional<Volunteer> signedIn(Caller caller) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("ngoCode").is(caller.organisation())
                .and("profile.login").is(caller.subject())), Volunteer.class));
    }

    /**
     * Takes one of the person's one-to-one places for a child, in one conditional write that matches
     * only while the person is active, still has the capacity and certificate they were checked
     * with, fewer children than that capacity (no element at index capacity − 1) and not this one:
     * two coordinators can never overbook a person. Taking the place the referral already has
     * changes nothing.
     *
     * @param checked the person as the matching rules just checked them
     * @return whether the referral has the place now
     */
    public boolean takePlace(Volunteer checked, String referralId) {
        int capacity = checked.profile().capacity();
        if (capacity <= 0) {
            return false;
        }
        ChildProtectionCertificate certificate = checked.profile().certificate();
        Criteria unchanged = Criteria.where("_id").is(checked.id()).and("ngoCode").is(checked.ngoCode())
                .and("status").is(Volunteer.Status.ACTIVE)
                .and("profile.capacity").is(capacity)
                .and("profile.certificate.validUntil").is(certificate == null ? null : certificate.validUntil())
                .and("matchedReferralIds." + (capacity - 1)).exists(false)
                .and("matchedReferralIds").ne(referralId);
        boolean taken = mongo.updateFirst(Query.query(unchanged),
                changed(new Update().push("matchedReferralIds", referralId)), Volunteer.class).getModifiedCount() > 0;
        return taken || mongo.exists(Query.query(Criteria.where("_id").is(checked.id())
                .and("matchedReferralIds").is(referralId)), Volunteer.class);
    }

    /** The child's course ended or the match was undone: the place is free again; a repeat changes nothing. */
    public boolean givePlaceBack(String volunteerId, String referralId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(volunteerId).and("matchedReferralIds")
                .is(referralId)), changed(new Update().pull("matchedReferralIds", referralId)), Volunteer.class)
                .getModifiedCount() > 0;
    }

    private static ProblemException loginTaken() {
        return ProblemException.invalidField("login", "is already another person's login");
    }

    private static Query own(Caller caller, String id) {
        return Query.query(Criteria.where("_id").is(id).and("ngoCode").is(caller.organisation()));
    }

    /** A person can only work on the caller's own NGO's interventions. */
    private void checkInterventions(Caller caller, Profile profile) {
        for (String code : profile.interventionCodes()) {
            boolean own = interventions.findById(code)
                    .map(intervention -> caller.organisation().equals(intervention.ngoCode())).orElse(false);
            if (!own) {
                throw ProblemException.invalidField("interventionCodes",
                        code + " is not an intervention of your organisation");
            }
        }
    }
}
