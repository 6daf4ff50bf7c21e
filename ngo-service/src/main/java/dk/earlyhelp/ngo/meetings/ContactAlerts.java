package dk.earlyhelp.ngo.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.inbox.InboxManagement;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.security.Caller;

/**
 * Raises an alert to the coordinator when a mentor has logged no meeting with a matched child for
 * {@code noContactDays} since the match, the start or the last meeting. The check recomputes every
 * open course from the inbox and the meetings each time (like availability), so it repairs
 * whatever an earlier run missed; a logged meeting clears the child's alert at once. "Today" is the
 * Danish date of the injected clock.
 */
@Service
public class ContactAlerts {

    private static final Logger log = LoggerFactory.getLogger(ContactAlerts.class);
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final String CLEARED_AT = "clearedAt";

    private final MongoTemplate mongo;
    private final InboxManagement inbox;
    private final ContactAlertSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    ContactAlerts(MongoTemplate mongo, InboxManagement inbox, ContactAlertSettings settings, AuditTrail audit,
            Clock clock) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${earlyhelp.contact-alerts.check-every:PT1H}",
            initialDelayString = "${earlyhelp.contact-alerts.check-every:PT1H}")
    void scheduledCheck() {
        try {
            check();
        } catch (RuntimeException e) {
            // The next run recomputes everything.
            log.warn("Contact alerts not checked: {}", e.toString());
        }
    }

    /**
     * Raises or keeps an alert for every one-to-one course without contact for too long, and clears
     * the rest.
     *
     * @return how many alerts are open now
     */
    public int check() {
        List<InboxReferral> courses = inbox.inOneToOneCourse();
        Map<String, LocalDate> lastMeetings = lastMeetings(courses.stream().map(InboxReferral::referralId).toList());
        LocalDate today = today();
        Set<String> overdue = new HashSet<>();
        for (InboxReferral course : courses) {
            if (recheck(course, lastMeetings.get(course.referralId()), today)) {
                overdue.add(course.referralId());
            }
        }
        mongo.updateMulti(Query.query(Criteria.where(CLEARED_AT).is(null).and("_id").nin(overdue)),
                new Update().set(CLEARED_AT, clock.instant()), ContactAlert.class);
        log.info("Contact alerts checked: {} courses, {} without contact for {} days", courses.size(),
                overdue.size(), settings.noContactDays());
        return overdue.size();
    }

    /** A meeting was logged: the child's alert is cleared if the contact is recent enough now. */
    void contactMade(InboxReferral course, LocalDate heldOn) {
        LocalDate last = lastMeetings(List.of(course.referralId())).get(course.referralId());
        recheck(course, last == null || heldOn.isAfter(last) ? heldOn : last, today());
    }

    /** The caller's NGO's open alerts, longest silence first; each is a read about a child and is audited. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public List<Silence> alerts(Caller caller) {
        LocalDate today = today();
        List<ContactAlert> open = mongo.find(Query.query(Criteria.where("ngoCode").is(caller.organisation())
                .and(CLEARED_AT).is(null)), ContactAlert.class);
        open.forEach(alert -> audit.record(caller, AuditRecord.Action.READ, "contact-alert", alert.referralId(),
                alert.childId()));
        return open.stream().map(alert -> new Silence(alert, ChronoUnit.DAYS.between(alert.since(), today)))
                .sorted(Comparator.comparing((Silence silence) -> silence.alert().since())
                        .thenComparing(silence -> silence.alert().referralId()))
                .toList();
    }

    /** The day of the latest logged meeting of each referral that has one, in one aggregation. */
    public Map<String, LocalDate> lastMeetings(Collection<String> referralIds) {
        Map<String, LocalDate> last = new HashMap<>();
        if (referralIds.isEmpty()) {
            return last;
        }
        Aggregation latest = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("referralId").in(referralIds)),
                Aggregation.group("referralId").max("heldOn").as("heldOn"));
        mongo.aggregate(latest, Meeting.class, LastMeeting.class)
                .forEach(meeting -> last.put(meeting.referralId(), meeting.heldOn()));
        return last;
    }

    /**
     * Opens (or keeps open, with the latest contact) or clears one course's alert.
     *
     * @return whether the course is without contact for too long
     */
    private boolean recheck(InboxReferral course, LocalDate lastMeeting, LocalDate today) {
        LocalDate since = lastContact(course, lastMeeting);
        Query alert = Query.query(Criteria.where("_id").is(course.referralId()));
        if (ChronoUnit.DAYS.between(since, today) < settings.noContactDays()) {
            mongo.updateFirst(alert.addCriteria(Criteria.where(CLEARED_AT).is(null)),
                    new Update().set(CLEARED_AT, clock.instant()), ContactAlert.class);
            return false;
        }
        Update raise = new Update().set("ngoCode", course.ngoCode())
                .set("interventionCode", course.interventionCode())
                .set("volunteerId", course.match().volunteerId())
                .set("childId", course.childId())
                .set("since", since);
        boolean stillOpen = mongo.updateFirst(Query.query(Criteria.where("_id").is(course.referralId())
                .and(CLEARED_AT).is(null)), raise, ContactAlert.class).getMatchedCount() > 0;
        if (!stillOpen) {
            mongo.upsert(alert, raise.set("raisedAt", clock.instant()).unset(CLEARED_AT), ContactAlert.class);
            log.info("No contact for {} days in referral {} with volunteer {}", ChronoUnit.DAYS.between(since, today),
                    course.referralId(), course.match().volunteerId());
        }
        return true;
    }

    /** The match (or the family's yes to it), the start or the latest meeting, whichever was last. */
    private static LocalDate lastContact(InboxReferral course, LocalDate lastMeeting) {
        LocalDate since = course.match().matchedAt().atZone(DENMARK).toLocalDate();
        if (course.match().familyAnswer() != null && course.match().familyAnswer().answeredOn().isAfter(since)) {
            since = course.match().familyAnswer().answeredOn();
        }
        if (course.course() != null && course.course().startedOn() != null
                && course.course().startedOn().isAfter(since)) {
            since = course.course().startedOn();
        }
        return lastMeeting != null && lastMeeting.isAfter(since) ? lastMeeting : since;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DENMARK));
    }

    /** An open alert and how many days the child has now been without contact. */
    public record Silence(ContactAlert alert, long daysSinceContact) {
    }

    /** One row of the latest-meeting aggregation. */
    record LastMeeting(@Id String referralId, LocalDate heldOn) {
    }
}
