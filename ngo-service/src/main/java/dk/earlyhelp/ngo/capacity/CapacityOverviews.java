package dk.earlyhelp.ngo.capacity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.InterventionRepository;
import dk.earlyhelp.ngo.groups.Group;
import dk.earlyhelp.ngo.groups.GroupManagement;
import dk.earlyhelp.ngo.inbox.InboxManagement;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;
import dk.earlyhelp.platform.security.Caller;

/**
 * The coordinator's capacity view (issue "NGO capacity"): per intervention of their NGO, children
 * against places, idle people and people in onboarding, and a recruitment signal naming what is
 * missing. Children are referred all year while volunteers are recruited at fixed times, so the
 * signal says early which people or seats to look for. Computed at each read from the inbox, the
 * groups and the people. Turnover is among the operations figures of measurement-service.
 */
@Service
public class CapacityOverviews {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private final InterventionRepository interventions;
    private final AvailabilityManagement availability;
    private final InboxManagement inbox;
    private final GroupManagement groups;
    private final VolunteerManagement volunteers;
    private final Clock clock;

    CapacityOverviews(InterventionRepository interventions, AvailabilityManagement availability, InboxManagement inbox,
            GroupManagement groups, VolunteerManagement volunteers, Clock clock) {
        this.interventions = interventions;
        this.availability = availability;
        this.inbox = inbox;
        this.groups = groups;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    /** The caller's NGO's interventions, by code. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public List<CapacityOverview> overview(Caller caller) {
        LocalDate today = LocalDate.now(clock.withZone(DENMARK));
        Map<String, Availability> figures = availability.availability();
        return interventions.findAll().stream()
                .filter(intervention -> caller.organisation().equals(intervention.ngoCode()))
                .sorted(Comparator.comparing(Intervention::code))
                .map(intervention -> overview(intervention, figures.get(intervention.code()), today))
                .toList();
    }

    private CapacityOverview overview(Intervention intervention, Availability figures, LocalDate today) {
        String ngo = intervention.ngoCode();
        List<InboxReferral> waiting = inbox.waitingFor(ngo, intervention.code()).stream()
                .filter(referral -> !referral.anonymised() && referral.childAge() != null).toList();
        List<Volunteer> people = volunteers.workingOn(ngo, intervention.code());
        boolean groupCourse = intervention.format() != null && intervention.format().groupCourse();
        List<CapacityOverview.Need> needs;
        int idle;
        if (groupCourse) {
            List<Group> notEnded = groups.startingAfter(ngo, intervention.code(), today.minusYears(1)).stream()
                    .filter(group -> !group.lastSessionOn().isBefore(today)).toList();
            Set<String> leading = new HashSet<>();
            notEnded.forEach(group -> leading.addAll(group.leaderIds()));
            List<Volunteer> idlePeople = people.stream()
                    .filter(person -> person.status() == Volunteer.Status.ACTIVE && !leading.contains(person.id()))
                    .toList();
            idle = idlePeople.size();
            needs = RecruitmentSignals.groupSeatsMissing(waiting, notEnded.stream().filter(group -> group.startDate().isAfter(today))
                    .toList(), idlePeople, today);
        } else {
            idle = (int) people.stream().filter(person -> person.status() == Volunteer.Status.ACTIVE
                    && (person.matchedReferralIds() == null || person.matchedReferralIds().isEmpty())).count();
            needs = RecruitmentSignals.mentorsMissing(waiting, people, today);
        }
        CapacityOverview.People counts = new CapacityOverview.People(
                count(people, Volunteer.Status.ACTIVE), idle, count(people, Volunteer.Status.PAUSED),
                count(people, Volunteer.Status.APPLICANT) + count(people, Volunteer.Status.ONBOARDING));
        return new CapacityOverview(intervention.code(), intervention.format() == null ? null
                : intervention.format().kind(), figures == null ? 0 : figures.places(),
                figures == null ? 0 : figures.occupied(), waiting.size(), figures == null ? 0 : figures.freePlaces(),
                figures == null ? null : figures.expectedStart(), counts, needs);
    }

    private static int count(List<Volunteer> people, Volunteer.Status status) {
        return (int) people.stream().filter(person -> person.status() == status).count();
    }
}
