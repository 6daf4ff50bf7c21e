package dk.earlyhelp.ngo.groups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.InterventionRepository;
import dk.earlyhelp.ngo.inbox.InboxManagement;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;
import dk.earlyhelp.ngo.inbox.LeftGroup;
import dk.earlyhelp.ngo.volunteers.MatchingRules;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Use cases of group courses: a coordinator forms groups of their NGO's group courses and offers
 * waiting children seats in them. Seats hold a child's pseudonym and age, so every read of them
 * is audited; the store has no transactions, so placing is a seat write then a referral write,
 * each conditional, with the seat given back if the referral write loses.
 */
@Service
public class GroupManagement {

    private static final Logger log = LoggerFactory.getLogger(GroupManagement.class);
    private static final Set<InboxStatus> PLACEABLE = EnumSet.of(InboxStatus.ACCEPTED, InboxStatus.WAITLISTED);

    private final MongoTemplate mongo;
    private final InterventionRepository interventions;
    private final VolunteerManagement volunteers;
    private final InboxManagement inbox;
    private final AuditTrail audit;
    private final Clock clock;

    GroupManagement(MongoTemplate mongo, InterventionRepository interventions, VolunteerManagement volunteers,
            InboxManagement inbox, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.interventions = interventions;
        this.volunteers = volunteers;
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Forms a group of one of the caller's NGO's group courses. Its leaders must be the NGO's own
     * active people, and when the group takes children under 15 each must hold a child
     * protection certificate valid on the start date.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public Group create(Caller caller, NewGroup request) {
        Intervention intervention = interventions.findById(request.interventionCode())
                .filter(found -> caller.organisation().equals(found.ngoCode()))
                .orElseThrow(() -> ProblemException.invalidField("interventionCode",
                        request.interventionCode() + " is not an intervention of your organisation"));
        if (intervention.format() == null || !intervention.format().groupCourse()) {
            throw ProblemException.invalidField("interventionCode", intervention.code() + " is not a group course");
        }
        checkLeaders(caller, request);
        Instant now = clock.instant();
        Group group = new Group(UUID.randomUUID().toString(), caller.organisation(), intervention.code(),
                request.startDate(), request.sessions(), request.sessionEveryDays(), request.ageMin(),
                request.ageMax(), request.sizeLimit(), request.leaderIds(), List.of(), 0, now, caller.subject());
        mongo.insert(group);
        log.info("Group {} of {} formed by {}", group.id(), group.interventionCode(), caller.organisation());
        return group;
    }

    /** The ids of the NGO's groups the person leads, for their own children; unaudited (ids only). */
    public List<String> ledBy(String ngoCode, String volunteerId) {
        Query query = Query.query(Criteria.where("ngoCode").is(ngoCode).and("leaderIds").is(volunteerId));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, "groups").stream().map(found -> found.getString("_id"))
                .toList();
    }

    /** The NGO's groups the person leads, by start date, in one query; unaudited (the caller audits the seats it shows). */
    public List<Group> groupsLedBy(String ngoCode, String volunteerId) {
        return mongo.find(Query.query(Criteria.where("ngoCode").is(ngoCode).and("leaderIds").is(volunteerId))
                .with(Sort.by("startDate", "_id")), Group.class);
    }

    /** Any group by id, for a use case that decides itself who may see it (its leaders run it too). */
    public Optional<Group> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Group.class));
    }

    /** The caller's NGO's groups, optionally of one intervention, by start date. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public List<Group> groups(Caller caller, String interventionCode) {
        Criteria criteria = Criteria.where("ngoCode").is(caller.organisation());
        if (interventionCode != null) {
            criteria.and("interventionCode").is(interventionCode);
        }
        List<Group> groups = mongo.find(Query.query(criteria), Group.class).stream()
                .sorted(Comparator.comparing(Group::startDate).thenComparing(Group::id)).toList();
        groups.forEach(group -> auditSeats(caller, group));
        return groups;
    }

    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public Group group(Caller caller, String id) {
        Group group = own(caller, id);
        auditSeats(caller, group);
        return group;
    }

    /**
     * Offers a waiting child a seat: the referral must be the caller's NGO's, to this group's
     * intervention, accepted or waitlisted, and the child's age must fit the band. The seat is
     * taken by one conditional write that matches only while a seat is free, so concurrent
     * placements never overbook; then the referral is marked placed (and accepted). If that second
     * write loses (withdrawn or placed elsewhere meanwhile), the seat is given back. Placing a
     * child who already has this seat again changes nothing. The answer shows the group's seats,
     * so it is audited as a read of each seated child.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public Group placeChild(Caller caller, String groupId, String referralId) {
        Group group = own(caller, groupId);
        InboxReferral referral = inbox.referral(caller, referralId);
        if (referral.anonymised()) {
            throw conflict("The consent for this child has ended: the referral no longer holds the child's details.");
        }
        if (!referral.interventionCode().equals(group.interventionCode())) {
            throw ProblemException.invalidField("referralId", "is a referral to " + referral.interventionCode()
                    + ", not to " + group.interventionCode());
        }
        if (!group.fits(referral.childAge())) {
            throw ProblemException.invalidField("referralId", "the child's age " + referral.childAge()
                    + " is outside the group's age band " + group.ageMin() + "–" + group.ageMax());
        }
        if (!PLACEABLE.contains(referral.status())) {
            throw conflict("Only an accepted or waitlisted referral can be offered a seat; this one is "
                    + referral.status() + ".");
        }
        if (referral.groupId() != null && !referral.groupId().equals(groupId)) {
            throw conflict("The child already has a seat in another group.");
        }
        takeSeat(caller, group, referral);
        if (inbox.placeInGroup(caller, referralId, groupId, group.startDate()) == null) {
            giveBack(groupId, referralId);
            throw conflict("The referral was withdrawn or placed in another group meanwhile.");
        }
        Group placed = mongo.findById(groupId, Group.class);
        auditSeats(caller, placed);
        return placed;
    }

    /** The NGO's groups of one intervention that start after the given day, by start date. */
    public List<Group> startingAfter(String ngoCode, String interventionCode, LocalDate day) {
        return mongo.find(Query.query(Criteria.where("ngoCode").is(ngoCode).and("interventionCode")
                .is(interventionCode).and("startDate").gt(day)), Group.class).stream()
                .sorted(Comparator.comparing(Group::startDate).thenComparing(Group::id)).toList();
    }

    /** A placed child's referral was withdrawn: the seat is free again. */
    @EventListener
    void leftGroup(LeftGroup left) {
        if (giveBack(left.groupId(), left.referralId())) {
            log.info("Seat of referral {} in group {} freed", left.referralId(), left.groupId());
        }
    }

    /**
     * The consent the child's details were shared under ended (CONSENT.md rule 5): their seats in
     * these NGOs' groups keep only the referral, when and by whom. Seats are found by the pseudonym,
     * so a repeat changes nothing. The age goes first and the pseudonym last, in two writes: the
     * embedded store applies array filters path by path, and the pseudonym is what finds the seat
     * again if a delivery is interrupted in between.
     *
     * @return how many groups changed
     */
    public long anonymiseSeats(String childId, Collection<String> ngoCodes) {
        Query seated = Query.query(Criteria.where("ngoCode").in(ngoCodes).and("seats.childId").is(childId));
        Criteria childsSeat = Criteria.where("seat.childId").is(childId);
        mongo.updateMulti(seated, new Update().unset("seats.$[seat].childAge").filterArray(childsSeat), Group.class);
        return mongo.updateMulti(seated, new Update().unset("seats.$[seat].childId").filterArray(childsSeat),
                Group.class).getModifiedCount();
    }

    private void takeSeat(Caller caller, Group group, InboxReferral referral) {
        Group.Seat seat = new Group.Seat(referral.referralId(), referral.childId(), referral.childAge(),
                clock.instant(), caller.subject());
        Query freeSeatAndNotSeated = Query.query(Criteria.where("_id").is(group.id())
                .and("seats.referralId").ne(referral.referralId())
                .and("seatsTaken").lt(group.sizeLimit()));
        long taken = mongo.updateFirst(freeSeatAndNotSeated, new Update().push("seats", seat).inc("seatsTaken", 1),
                Group.class).getModifiedCount();
        boolean seatedBefore = taken == 0 && mongo.exists(Query.query(Criteria.where("_id").is(group.id())
                .and("seats.referralId").is(referral.referralId())), Group.class);
        if (taken == 0 && !seatedBefore) {
            throw new ProblemException(HttpStatus.CONFLICT, "group-full", "The group is full",
                    "The group has no free seat; the waiting list shows the next group with one.");
        }
    }

    /** @return whether a seat was given back */
    private boolean giveBack(String groupId, String referralId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(groupId).and("seats.referralId").is(referralId)),
                new Update().pull("seats", new Document("referralId", referralId)).inc("seatsTaken", -1),
                Group.class).getModifiedCount() > 0;
    }

    private Group own(Caller caller, String id) {
        Group group = mongo.findOne(Query.query(Criteria.where("_id").is(id).and("ngoCode").is(caller.organisation())),
                Group.class);
        if (group == null) {
            if (mongo.exists(Query.query(Criteria.where("_id").is(id)), Group.class)) {
                audit.record(caller, AuditRecord.Action.DENIED, "group", id, null);
            }
            throw ProblemException.notFound("Group " + id);
        }
        return group;
    }

    /** A read of each seated child; a seat that holds no child's details any more is no read of one. */
    private void auditSeats(Caller caller, Group group) {
        group.seats().stream().filter(seat -> seat.childId() != null).forEach(seat -> audit.record(caller,
                AuditRecord.Action.READ, "group", group.id(), seat.childId()));
    }

    /** Every leader is one of the NGO's people and may lead this group; all problems in one answer. */
    private void checkLeaders(Caller caller, NewGroup request) {
        Map<String, Volunteer> found = volunteers.of(caller.organisation(), request.leaderIds()).stream()
                .collect(Collectors.toMap(Volunteer::id, Function.identity()));
        List<String> problems = new ArrayList<>();
        for (String id : request.leaderIds()) {
            Volunteer leader = found.get(id);
            if (leader == null) {
                problems.add(id + " is not a volunteer or staff member of your organisation");
                continue;
            }
            for (MatchingRules.Obstacle obstacle : MatchingRules.obstaclesToLead(leader, request.ageMin(),
                    request.startDate())) {
                problems.add(switch (obstacle) {
                    case NOT_ACTIVE -> id + " is " + leader.status() + ", not ACTIVE";
                    case NO_VALID_CERTIFICATE -> id + " has no child protection certificate valid on "
                            + request.startDate() + " (the group takes children under "
                            + MatchingRules.CERTIFICATE_REQUIRED_BELOW_AGE + ")";
                    case NO_FREE_CAPACITY -> id + " has no free capacity";
                    case NOT_QUALIFIED -> id + " lacks the qualification required";
                    // A family's no is about one child and one-to-one matching, never a group's leader.
                    case DECLINED_BY_FAMILY -> throw new IllegalStateException("not a rule of leading a group");
                });
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalidField("leaderIds", String.join("; ", problems));
        }
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now", detail);
    }

    /** A group as the coordinator forms it. */
    public record NewGroup(String interventionCode, LocalDate startDate, int sessions, int sessionEveryDays,
                           int ageMin, int ageMax, int sizeLimit, List<String> leaderIds) {
    }
}
