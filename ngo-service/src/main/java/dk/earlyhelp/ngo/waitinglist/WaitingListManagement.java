package dk.earlyhelp.ngo.waitinglist;

import java.time.LocalDate;
import java.util.List;

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
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * The coordinator's waiting list of one of their NGO's interventions, computed fresh from the
 * inbox, the groups and the people at every read, so it is never out of step with them. Each
 * child on it is a read of a child's data and is audited.
 */
@Service
public class WaitingListManagement {

    private final InterventionRepository interventions;
    private final InboxManagement inbox;
    private final GroupManagement groups;
    private final VolunteerManagement volunteers;
    private final WaitingListPlanner planner;
    private final AuditTrail audit;

    WaitingListManagement(InterventionRepository interventions, InboxManagement inbox, GroupManagement groups,
            VolunteerManagement volunteers, WaitingListPlanner planner, AuditTrail audit) {
        this.interventions = interventions;
        this.inbox = inbox;
        this.groups = groups;
        this.volunteers = volunteers;
        this.planner = planner;
        this.audit = audit;
    }

    /** Another NGO's intervention answers 404, like one that does not exist. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public WaitingList waitingList(Caller caller, String interventionCode) {
        Intervention intervention = interventions.findById(interventionCode)
                .filter(found -> caller.organisation().equals(found.ngoCode()))
                .orElseThrow(() -> ProblemException.notFound("Intervention " + interventionCode));
        String ngoCode = caller.organisation();
        List<InboxReferral> waiting = inbox.waitingFor(ngoCode, interventionCode);
        LocalDate today = planner.today();
        List<WaitingListPlanner.Estimate> entries;
        int freePlaces;
        if (intervention.format() != null && intervention.format().groupCourse()) {
            List<Group> upcoming = groups.startingAfter(ngoCode, interventionCode, today);
            entries = planner.forGroupCourse(waiting, upcoming);
            freePlaces = upcoming.stream().mapToInt(Group::freeSeats).sum();
        } else {
            List<Volunteer> people = volunteers.workingOn(ngoCode, interventionCode);
            entries = planner.forOneToOne(waiting, people);
            freePlaces = people.stream().filter(person -> person.status() == Volunteer.Status.ACTIVE)
                    .mapToInt(Volunteer::freeCapacity).sum();
        }
        entries.forEach(entry -> audit.record(caller, AuditRecord.Action.READ, "inbox-referral",
                entry.referral().referralId(), entry.referral().childId()));
        return new WaitingList(interventionCode, intervention.format() == null ? null : intervention.format().kind(),
                today, freePlaces, entries);
    }
}
