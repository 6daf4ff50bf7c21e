package dk.earlyhelp.ngo.waitinglist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.earlyhelp.ngo.groups.Group;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.volunteers.MatchingRules;
import dk.earlyhelp.ngo.volunteers.Volunteer;

/**
 * Orders a waiting list and estimates each child's start, without touching any store. The
 * estimate hands out the capacity that is really there, child by child in list order, so a child
 * further down never gets a place someone before them took.
 * <ul>
 * <li>order: urgency HIGH first, then the longest waiting (oldest {@code receivedAt})</li>
 * <li>group course: the groups that start after today, in start order; each child gets the first
 * one with a free seat whose age band fits, so a full group sends the next children to the next
 * group; no such group, no date</li>
 * <li>one-to-one (mentoring, counselling): a free place with an active person on the intervention
 * starts after the intake, today + 14 days, if the certificate rule allows it on that day; then
 * people in onboarding, whose places open about six weeks (42 days) after they started
 * onboarding, at the earliest after the intake; nothing left, no date</li>
 * <li>a referral made anonymous because the consent ended keeps its place in the list but gets no
 * date and takes no capacity: there is no child the NGO may plan for</li>
 * </ul>
 * "Today" is the date in Denmark.
 */
@Component
public class WaitingListPlanner {

    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    static final int INTAKE_DAYS = 14;
    static final int ONBOARDING_DAYS = 42;

    /** Urgent first, then the longest waiting; the referral id keeps ties stable. */
    public static final Comparator<InboxReferral> ORDER = Comparator
            .comparing((InboxReferral referral) -> !"HIGH".equals(referral.urgency()))
            .thenComparing(InboxReferral::receivedAt)
            .thenComparing(InboxReferral::referralId);

    private final Clock clock;

    public WaitingListPlanner(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DENMARK));
    }

    /** The waiting children of a group course in list order, each with the group it would probably start in. */
    public List<Estimate> forGroupCourse(List<InboxReferral> waiting, List<Group> groups) {
        LocalDate today = today();
        List<Group> upcoming = groups.stream().filter(group -> group.startDate().isAfter(today))
                .sorted(Comparator.comparing(Group::startDate).thenComparing(Group::id)).toList();
        Map<String, Integer> freeSeats = new HashMap<>();
        upcoming.forEach(group -> freeSeats.put(group.id(), group.freeSeats()));
        List<Estimate> estimates = new ArrayList<>();
        for (InboxReferral child : ordered(waiting)) {
            if (child.anonymised()) {
                estimates.add(consentWithdrawn(child));
                continue;
            }
            Group seat = upcoming.stream()
                    .filter(group -> freeSeats.get(group.id()) > 0 && group.fits(child.childAge()))
                    .findFirst().orElse(null);
            if (seat == null) {
                estimates.add(Estimate.none(child, Reason.NO_GROUP_WITH_FREE_SEAT,
                        "no group with a free seat for age " + child.childAge()));
            } else {
                freeSeats.merge(seat.id(), -1, Integer::sum);
                estimates.add(new Estimate(child, seat.startDate(), seat.id(), null, null));
            }
        }
        return estimates;
    }

    /** The waiting children of a one-to-one intervention in list order, each with a probable start. */
    public List<Estimate> forOneToOne(List<InboxReferral> waiting, List<Volunteer> people) {
        LocalDate intake = today().plusDays(INTAKE_DAYS);
        List<Place> places = new ArrayList<>();
        for (Volunteer person : people) {
            if (person.status() == Volunteer.Status.ACTIVE) {
                for (int i = 0; i < person.freeCapacity(); i++) {
                    places.add(new Place(intake, person, false));
                }
            } else if (person.status() == Volunteer.Status.ONBOARDING) {
                LocalDate activation = person.inStatusSince(DENMARK).plusDays(ONBOARDING_DAYS);
                LocalDate from = activation.isBefore(intake) ? intake : activation;
                for (int i = 0; i < person.profile().capacity(); i++) {
                    places.add(new Place(from, person, true));
                }
            }
        }
        places.sort(Comparator.comparing(Place::from).thenComparing(place -> place.person().id()));
        List<Estimate> estimates = new ArrayList<>();
        for (InboxReferral child : ordered(waiting)) {
            if (child.anonymised()) {
                estimates.add(consentWithdrawn(child));
                continue;
            }
            Place place = places.stream().filter(free -> free.mayTake(child.childAge())).findFirst().orElse(null);
            if (place != null) {
                places.remove(place);
                estimates.add(new Estimate(child, place.from(), null, null, null));
            } else if (places.isEmpty()) {
                estimates.add(Estimate.none(child, Reason.NO_FREE_VOLUNTEER,
                        "no volunteer with a free place, active or in onboarding"));
            } else {
                estimates.add(Estimate.none(child, Reason.NO_FREE_VOLUNTEER_WITH_CERTIFICATE,
                        "no free volunteer with a child protection certificate for age " + child.childAge()));
            }
        }
        return estimates;
    }

    private static Estimate consentWithdrawn(InboxReferral referral) {
        return Estimate.none(referral, Reason.CONSENT_WITHDRAWN,
                "the consent ended and the child's details were removed");
    }

    private static List<InboxReferral> ordered(List<InboxReferral> waiting) {
        return waiting.stream().sorted(ORDER).toList();
    }

    /** Why a child has no estimated start. */
    public enum Reason {
        NO_GROUP_WITH_FREE_SEAT, NO_FREE_VOLUNTEER, NO_FREE_VOLUNTEER_WITH_CERTIFICATE, CONSENT_WITHDRAWN
    }

    /**
     * One waiting child's estimate.
     *
     * @param expectedStart null when no capacity in sight fits the child
     * @param groupId       the group the estimate counts on (group courses)
     * @param reasonCode    why there is no date, as a code a portal can explain in its language
     * @param reason        the same in English
     */
    public record Estimate(InboxReferral referral, LocalDate expectedStart, String groupId, Reason reasonCode,
                           String reason) {

        static Estimate none(InboxReferral referral, Reason code, String reason) {
            return new Estimate(referral, null, null, code, reason);
        }
    }

    /**
     * One child's place with a person from a date. People in onboarding get their certificate
     * checked as part of it, so only active people's certificates are checked here.
     */
    private record Place(LocalDate from, Volunteer person, boolean onboarding) {

        boolean mayTake(int childAge) {
            return onboarding || MatchingRules.certificateCovers(person, childAge, from);
        }
    }
}
