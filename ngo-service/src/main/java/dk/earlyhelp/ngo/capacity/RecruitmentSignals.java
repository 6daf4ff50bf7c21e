package dk.earlyhelp.ngo.capacity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dk.earlyhelp.ngo.capacity.CapacityOverview.Need;
import dk.earlyhelp.ngo.groups.Group;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.volunteers.MatchingRules;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.waitinglist.WaitingListPlanner;

/**
 * What is missing for the waiting children to start: the children are placed in the waiting
 * list's order on the free places there are, with the same rules as matching and seating, and
 * those left over say which people or seats to recruit. Pure, so it is tested without a store.
 */
final class RecruitmentSignals {

    private RecruitmentSignals() {
    }

    /**
     * Each waiting child, most urgent and longest waiting first, takes a free slot of a person who
     * may work with them (active, certificate, capacity, the person's preferred ages) and speaks one
     * of the languages the child needs, if any; those left over are the mentors missing, per
     * municipality and language need, so the signal names whom to recruit.
     */
    static List<Need> mentorsMissing(List<InboxReferral> waiting, List<Volunteer> people, LocalDate today) {
        Map<String, Integer> freeSlots = new HashMap<>();
        people.forEach(person -> freeSlots.put(person.id(), person.freeCapacity()));
        Map<MentorGap, List<Integer>> leftOver = new TreeMap<>(Comparator.comparing(MentorGap::municipality)
                .thenComparing(gap -> String.join(",", gap.languages())));
        for (InboxReferral child : waiting.stream().sorted(WaitingListPlanner.ORDER).toList()) {
            List<String> languages = languageNeed(child);
            Volunteer taker = people.stream()
                    .filter(person -> freeSlots.get(person.id()) > 0 && prefers(person, child.childAge())
                            && speaksOneOf(person, languages)
                            && MatchingRules.obstaclesToLead(person, child.childAge(), today).isEmpty())
                    .findFirst().orElse(null);
            if (taker == null) {
                leftOver.computeIfAbsent(new MentorGap(child.municipalityCode(), languages), gap -> new ArrayList<>())
                        .add(child.childAge());
            } else {
                freeSlots.merge(taker.id(), -1, Integer::sum);
            }
        }
        List<Need> needs = new ArrayList<>();
        leftOver.forEach((gap, ages) -> needs.add(need(Need.Kind.MENTORS, gap.municipality(), gap.languages(), ages,
                null)));
        return needs;
    }

    /** Where left-over children live and the languages they need (sorted; empty: none). */
    private record MentorGap(String municipality, List<String> languages) {
    }

    private static List<String> languageNeed(InboxReferral child) {
        return child.childLanguages() == null ? List.of()
                : child.childLanguages().stream().map(code -> code.toLowerCase(Locale.ROOT)).distinct().sorted()
                        .toList();
    }

    private static boolean speaksOneOf(Volunteer person, List<String> languages) {
        List<String> spoken = person.profile().languages();
        return languages.isEmpty() || spoken != null
                && spoken.stream().anyMatch(code -> languages.contains(code.toLowerCase(Locale.ROOT)));
    }

    /** Children no seat of a group still to start fits (by age, seats left); one need per municipality. */
    static List<Need> groupSeatsMissing(List<InboxReferral> waiting, List<Group> upcoming,
            List<Volunteer> idlePeople, LocalDate today) {
        Map<String, Integer> freeSeats = new HashMap<>();
        upcoming.forEach(group -> freeSeats.put(group.id(), group.freeSeats()));
        Map<String, List<Integer>> leftOver = new TreeMap<>();
        for (InboxReferral child : waiting.stream().sorted(WaitingListPlanner.ORDER).toList()) {
            Group seat = upcoming.stream().filter(group -> freeSeats.get(group.id()) > 0 && group.fits(child.childAge()))
                    .findFirst().orElse(null);
            if (seat == null) {
                leftOver.computeIfAbsent(child.municipalityCode(), code -> new ArrayList<>()).add(child.childAge());
            } else {
                freeSeats.merge(seat.id(), -1, Integer::sum);
            }
        }
        List<Need> needs = new ArrayList<>();
        leftOver.forEach((municipality, ages) -> {
            int youngest = ages.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int leaders = (int) idlePeople.stream()
                    .filter(person -> MatchingRules.obstaclesToLead(person, youngest, today).isEmpty()).count();
            needs.add(need(Need.Kind.GROUP_SEATS, municipality, List.of(), ages, leaders));
        });
        return needs;
    }

    private static Need need(Need.Kind kind, String municipality, List<String> languages, List<Integer> ages,
            Integer leaders) {
        int youngest = ages.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int oldest = ages.stream().mapToInt(Integer::intValue).max().orElseThrow();
        return new Need(kind, ages.size(), youngest, oldest, municipality, languages,
                youngest < MatchingRules.CERTIFICATE_REQUIRED_BELOW_AGE, leaders);
    }

    private static boolean prefers(Volunteer person, int childAge) {
        var preferences = person.profile().childPreferences();
        return preferences == null || (preferences.ageMin() == null || childAge >= preferences.ageMin())
                && (preferences.ageMax() == null || childAge <= preferences.ageMax());
    }

}
