package dk.earlyhelp.ngo.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.groups.GroupManagement;
import dk.earlyhelp.ngo.inbox.InboxManagement;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Use cases of the volunteer who runs a course: they see only the children they are matched with
 * (found through the person whose {@code login} they sign in as) and log meetings with them; anyone
 * else's child answers 404 like a missing one, and the attempt is audited as denied. Every read of
 * a child's data is audited; logs carry ids only.
 */
@Service
public class MeetingManagement {

    private static final Logger log = LoggerFactory.getLogger(MeetingManagement.class);
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final Set<InboxStatus> IN_COURSE = EnumSet.of(InboxStatus.MATCHED, InboxStatus.STARTED);

    private final MongoTemplate mongo;
    private final InboxManagement inbox;
    private final GroupManagement groups;
    private final VolunteerManagement volunteers;
    private final ContactAlerts alerts;
    private final AuditTrail audit;
    private final Clock clock;

    MeetingManagement(MongoTemplate mongo, InboxManagement inbox, GroupManagement groups,
            VolunteerManagement volunteers, ContactAlerts alerts, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.groups = groups;
        this.volunteers = volunteers;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The caller's own children now: matched or started with the person they sign in as, or seated
     * in a group they lead, with the minimum the volunteer needs (no name: ngo-service never holds one).
     */
    @PreAuthorize("hasRole('VOLUNTEER')")
    public List<OwnChild> myChildren(Caller caller) {
        Volunteer me = volunteers.signedIn(caller).orElse(null);
        if (me == null) {
            return List.of();
        }
        List<InboxReferral> children = new java.util.ArrayList<>(inbox.inCourseWith(caller.organisation(), me.id()));
        children.addAll(inbox.inGroups(caller.organisation(), groups.ledBy(caller.organisation(), me.id())));
        Map<String, LocalDate> lastMeetings = alerts.lastMeetings(children.stream()
                .map(InboxReferral::referralId).toList());
        children.forEach(child -> audit.record(caller, AuditRecord.Action.READ, "inbox-referral",
                child.referralId(), child.childId()));
        return children.stream()
                .map(child -> new OwnChild(child, lastMeetings.get(child.referralId())))
                .sorted(Comparator.comparing((OwnChild child) -> child.referral().match() == null ? null
                                : child.referral().match().matchedAt(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(child -> child.referral().referralId()))
                .toList();
    }

    /**
     * Logs a meeting with one of the caller's own children, held today or earlier and not before the
     * match; it clears the child's no-contact alert. One insert.
     */
    @PreAuthorize("hasRole('VOLUNTEER')")
    public Meeting log(Caller caller, String referralId, LocalDate heldOn, int minutes, String note) {
        Volunteer me = volunteers.signedIn(caller).orElse(null);
        InboxReferral child = inbox.find(referralId).orElse(null);
        boolean own = me != null && child != null && caller.organisation().equals(child.ngoCode())
                && child.match() != null && me.id().equals(child.match().volunteerId());
        if (!own) {
            if (child != null) {
                audit.record(caller, AuditRecord.Action.DENIED, "inbox-referral", referralId, child.childId());
            }
            throw ProblemException.notFound("Referral " + referralId);
        }
        if (!IN_COURSE.contains(child.status())) {
            throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now",
                    "The course is " + child.status() + ": meetings are logged while it runs.");
        }
        LocalDate matchedOn = child.match().matchedAt().atZone(DENMARK).toLocalDate();
        if (heldOn.isAfter(today())) {
            throw ProblemException.invalidField("heldOn", "must not be in the future");
        }
        if (heldOn.isBefore(matchedOn)) {
            throw ProblemException.invalidField("heldOn", "must not be before the match on " + matchedOn);
        }
        Meeting meeting = new Meeting(UUID.randomUUID().toString(), child.ngoCode(), referralId, me.id(), heldOn,
                minutes, note, clock.instant(), caller.subject());
        mongo.insert(meeting);
        audit.record(caller, AuditRecord.Action.CREATE, "meeting", meeting.id(), child.childId());
        log.info("Meeting {} logged for referral {} by volunteer {}", meeting.id(), referralId, me.id());
        alerts.contactMade(child, heldOn);
        return meeting;
    }

    /**
     * The consent for these referrals ended (CONSENT.md rule 5): the volunteers' notes about the
     * child go; dates and minutes stay. A repeat changes nothing.
     */
    public long eraseNotes(Collection<String> referralIds) {
        if (referralIds.isEmpty()) {
            return 0;
        }
        return mongo.updateMulti(Query.query(Criteria.where("referralId").in(referralIds).and("note").ne(null)),
                new Update().unset("note"), Meeting.class).getModifiedCount();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DENMARK));
    }

    /** One of the volunteer's children, with the day of the last logged meeting (null before the first). */
    public record OwnChild(InboxReferral referral, LocalDate lastMeetingOn) {
    }
}
