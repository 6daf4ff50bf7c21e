package dk.earlyhelp.ngo.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.groups.Group;
import dk.earlyhelp.ngo.groups.GroupManagement;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Use cases of running a group course. A group is the business of its NGO's coordinators and of
 * the people who lead it; for anyone else, also the NGO's other volunteers, it answers 404 like a
 * missing one, and the attempt is audited. Reading who sits in a group is a read of each child's data.
 */
@Service
public class SessionManagement {

    private static final Logger log = LoggerFactory.getLogger(SessionManagement.class);
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final String COORDINATOR = "NGO_COORDINATOR";

    private final MongoTemplate mongo;
    private final GroupManagement groups;
    private final VolunteerManagement volunteers;
    private final AuditTrail audit;
    private final Clock clock;

    SessionManagement(MongoTemplate mongo, GroupManagement groups, VolunteerManagement volunteers, AuditTrail audit,
            Clock clock) {
        this.mongo = mongo;
        this.groups = groups;
        this.volunteers = volunteers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The groups the caller leads, by start date, each with its sessions so far. */
    @PreAuthorize("hasRole('VOLUNTEER')")
    public List<LedGroup> myGroups(Caller caller) {
        Volunteer me = volunteers.signedIn(caller).orElse(null);
        if (me == null) {
            return List.of();
        }
        return groups.groupsLedBy(caller.organisation(), me.id()).stream()
                .map(group -> new LedGroup(readSeats(caller, group), sessionsOf(group.id())))
                .toList();
    }

    /** One group's sessions so far, oldest first. */
    @PreAuthorize("hasAnyRole('NGO_COORDINATOR', 'VOLUNTEER')")
    public LedGroup sessions(Caller caller, String groupId) {
        Group group = readSeats(caller, runBy(caller, groupId));
        return new LedGroup(group, sessionsOf(groupId));
    }

    /**
     * Logs a session held today or earlier, from the group's start, with who of the seated children
     * came; at most as many sessions as the course has, one a day. One insert.
     */
    @PreAuthorize("hasAnyRole('NGO_COORDINATOR', 'VOLUNTEER')")
    public GroupSession log(Caller caller, String groupId, LocalDate heldOn, int minutes, Set<String> present) {
        Group group = runBy(caller, groupId);
        if (heldOn.isAfter(today())) {
            throw ProblemException.invalidField("heldOn", "must not be in the future");
        }
        if (heldOn.isBefore(group.startDate())) {
            throw ProblemException.invalidField("heldOn", "must not be before the group's start on "
                    + group.startDate());
        }
        Set<String> seated = group.seats().stream().map(Group.Seat::referralId).collect(Collectors.toSet());
        List<String> strangers = present.stream().filter(referralId -> !seated.contains(referralId)).sorted().toList();
        if (!strangers.isEmpty()) {
            throw ProblemException.invalidField("present", "names referrals without a seat in this group: "
                    + String.join(", ", strangers));
        }
        if (mongo.count(ofGroup(groupId), GroupSession.class) >= group.sessions()) {
            throw new ProblemException(HttpStatus.CONFLICT, "all-sessions-logged", "All sessions are logged",
                    "The course has " + group.sessions() + " sessions, and all are logged.");
        }
        GroupSession session = new GroupSession(GroupSession.idOf(groupId, heldOn), group.ngoCode(), groupId, heldOn,
                minutes, present.stream().sorted().toList(), clock.instant(), caller.subject());
        try {
            mongo.insert(session);
        } catch (DuplicateKeyException alreadyLogged) {
            throw new ProblemException(HttpStatus.CONFLICT, "session-logged", "Already logged",
                    "A session of this group on " + heldOn + " is logged already.");
        }
        group.seats().stream().filter(seat -> present.contains(seat.referralId()) && seat.childId() != null)
                .forEach(seat -> audit.record(caller, AuditRecord.Action.CREATE, "group-session", session.id(),
                        seat.childId()));
        log.info("Session {} of group {} logged: {} of {} seated children came", session.id(), groupId,
                present.size(), seated.size());
        return session;
    }

    /** The group, if the caller coordinates its NGO or leads it; any other answers 404, audited. */
    private Group runBy(Caller caller, String groupId) {
        Group group = groups.find(groupId).orElseThrow(() -> ProblemException.notFound("Group " + groupId));
        boolean coordinates = caller.hasRole(COORDINATOR) && caller.organisation().equals(group.ngoCode());
        boolean leads = !coordinates && caller.organisation().equals(group.ngoCode()) && volunteers.signedIn(caller)
                .map(me -> group.leaderIds().contains(me.id())).orElse(false);
        if (!coordinates && !leads) {
            audit.record(caller, AuditRecord.Action.DENIED, "group", groupId, null);
            throw ProblemException.notFound("Group " + groupId);
        }
        return group;
    }

    private Group readSeats(Caller caller, Group group) {
        group.seats().stream().filter(seat -> seat.childId() != null).forEach(seat -> audit.record(caller,
                AuditRecord.Action.READ, "group-seat", group.id(), seat.childId()));
        return group;
    }

    private List<GroupSession> sessionsOf(String groupId) {
        return mongo.find(ofGroup(groupId).with(Sort.by("heldOn")), GroupSession.class);
    }

    private static Query ofGroup(String groupId) {
        return Query.query(Criteria.where("groupId").is(groupId));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DENMARK));
    }

    /** A group and the sessions logged so far. */
    public record LedGroup(Group group, List<GroupSession> sessions) {
    }
}
