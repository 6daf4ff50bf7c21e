package dk.earlyhelp.ngo.volunteers;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.catalogue.InterventionRepository;
import dk.earlyhelp.platform.problem.ProblemException;
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
    private final Clock clock;

    VolunteerManagement(MongoTemplate mongo, InterventionRepository interventions, Clock clock) {
        this.mongo = mongo;
        this.interventions = interventions;
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
        mongo.insert(volunteer);
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
            throw ProblemException.notFound("Volunteer " + id);
        }
        return volunteer;
    }

    /** Replaces the profile in one write; status, history and matches stay as they are. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public Volunteer update(Caller caller, String id, Profile profile) {
        checkInterventions(caller, profile);
        Volunteer updated = mongo.findAndModify(own(caller, id), new Update().set("profile", profile),
                FindAndModifyOptions.options().returnNew(true), Volunteer.class);
        if (updated == null) {
            throw ProblemException.notFound("Volunteer " + id);
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
        Update change = new Update().set("status", status)
                .push("statusHistory", new StatusChange(status, clock.instant(), caller.subject()));
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
