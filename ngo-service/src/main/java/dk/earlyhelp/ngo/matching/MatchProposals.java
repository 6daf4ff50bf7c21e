package dk.earlyhelp.ngo.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dk.earlyhelp.ngo.volunteers.MatchingRules;
import dk.earlyhelp.ngo.volunteers.MatchingRules.Obstacle;
import dk.earlyhelp.ngo.volunteers.MatchingRules.RequiredQualification;
import dk.earlyhelp.ngo.volunteers.Profile;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.WeeklySlot;

/**
 * Ranks the people who may work with one child, and says why: the coordinator decides, the system
 * proposes and explains (DOMAIN.md, "NGO capacity and matching"). The hard rules of
 * {@link MatchingRules} (active, certificate for a child under 15, qualification, free capacity)
 * exclude a person; they are never outweighed. Everyone else is scored over seven criteria, each
 * FITS (full weight), PARTLY or NO_DATA (half: unknown neither helps nor hurts) or MISSES (none):
 * <ul>
 * <li>AGE (20): the child's age inside the person's preferred band; PARTLY up to two years outside</li>
 * <li>GENDER (10): the child's gender among the person's preferred ones</li>
 * <li>LANGUAGE (20): the person speaks the child's languages; PARTLY some of them</li>
 * <li>INTERESTS (10): two shared interests (or all the child has); PARTLY one</li>
 * <li>DISTANCE (16): postcodes as a distance proxy. Danish postcodes run roughly geographically
 * (1000 Copenhagen … 5000 Funen … 8000 Aarhus … 9990 Skagen), so within 100 of each other is
 * nearby (2200/2300), within 500 the same part of the country (2200/2610, 5000/5500), further is
 * far. A proxy, not a map: islands such as Bornholm (37xx) are closer by number than by road.</li>
 * <li>AVAILABILITY (20): two shared weekly slots; PARTLY one. Without the family's free time, a
 * school child's is assumed: weekday evenings and weekends.</li>
 * <li>QUALIFICATION (4): what the NGO requires, always met by those not excluded</li>
 * </ul>
 * Score 0–100; ties go to more free places, then the id, so the order is stable. Pure and fast:
 * the child's side is prepared once, each person costs set look-ups and arithmetic, and only the
 * proposals returned are put into words.
 */
public final class MatchProposals {

    /** What a proposal is weighed on. */
    public enum Criterion {
        AGE(20), GENDER(10), LANGUAGE(20), INTERESTS(10), DISTANCE(16), AVAILABILITY(20), QUALIFICATION(4);

        final int weight;

        Criterion(int weight) {
            this.weight = weight;
        }
    }

    /** How well one criterion fits; NO_DATA when the child's or the person's side is not known. */
    public enum Outcome {
        FITS(2), PARTLY(1), MISSES(0), NO_DATA(1);

        /** In halves of the criterion's weight. */
        final int credit;

        Outcome(int credit) {
            this.credit = credit;
        }
    }

    /** A school child is in school on weekday daytimes: assumed when the family's free time is not given. */
    static final Set<WeeklySlot> AFTER_SCHOOL_AND_WEEKENDS = EnumSet.of(WeeklySlot.MON_EVENING,
            WeeklySlot.TUE_EVENING, WeeklySlot.WED_EVENING, WeeklySlot.THU_EVENING, WeeklySlot.FRI_EVENING,
            WeeklySlot.SAT_DAYTIME, WeeklySlot.SAT_EVENING, WeeklySlot.SUN_DAYTIME, WeeklySlot.SUN_EVENING);
    static final int NEARBY = 100;
    static final int SAME_PART_OF_COUNTRY = 500;
    static final int AGE_TOLERANCE = 2;

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingInt(Scored::score).reversed()
            .thenComparing(Comparator.comparingInt((Scored scored) -> scored.volunteer().freeCapacity()).reversed())
            .thenComparing(scored -> scored.volunteer().id());

    private final Child child;
    private final RequiredQualification required;
    private final LocalDate onDate;
    private final int childPostcode;
    private final Set<String> childLanguages;
    private final Set<String> childInterests;
    private final Set<WeeklySlot> childTimes;

    /**
     * @param required what the NGO requires of the people who deliver its interventions
     * @param onDate   the day the match would be made: the certificate must be valid then
     */
    public MatchProposals(Child child, RequiredQualification required, LocalDate onDate) {
        this.child = child;
        this.required = required;
        this.onDate = onDate;
        this.childPostcode = postcode(child.postcode());
        this.childLanguages = lowerCase(child.languages());
        this.childInterests = lowerCase(child.interests());
        this.childTimes = child.times() == null || child.times().isEmpty() ? AFTER_SCHOOL_AND_WEEKENDS
                : EnumSet.copyOf(child.times());
    }

    /**
     * The best {@code limit} proposals among the candidates, each with its reasons, and how many
     * were excluded by which hard rule (a person may break several).
     */
    public Ranking rank(Collection<Volunteer> candidates, int limit) {
        return rank(candidates, Set.of(), limit);
    }

    /** As above, leaving out the people the child's family declined before ({@code DECLINED_BY_FAMILY}). */
    public Ranking rank(Collection<Volunteer> candidates, Set<String> declinedByFamily, int limit) {
        Map<Obstacle, Integer> excluded = new EnumMap<>(Obstacle.class);
        int excludedPeople = 0;
        List<Scored> scored = new ArrayList<>(candidates.size());
        for (Volunteer volunteer : candidates) {
            Set<Obstacle> obstacles = MatchingRules.obstaclesToMatch(volunteer, child.age(), onDate, required);
            if (declinedByFamily.contains(volunteer.id())) {
                obstacles.add(Obstacle.DECLINED_BY_FAMILY);
            }
            if (obstacles.isEmpty()) {
                scored.add(new Scored(volunteer, score(volunteer)));
            } else {
                excludedPeople++;
                obstacles.forEach(obstacle -> excluded.merge(obstacle, 1, Integer::sum));
            }
        }
        scored.sort(BEST_FIRST);
        List<Proposal> proposals = scored.stream().limit(limit)
                .map(best -> new Proposal(best.volunteer(), best.score(), reasons(best.volunteer())))
                .toList();
        return new Ranking(candidates.size(), excludedPeople, excluded, proposals);
    }

    /** 0–100: each criterion's weight times its outcome's credit, in halves. */
    int score(Volunteer volunteer) {
        int halves = 0;
        for (Criterion criterion : Criterion.values()) {
            halves += criterion.weight * assess(criterion, volunteer, false).outcome().credit;
        }
        return halves / 2;
    }

    List<Reason> reasons(Volunteer volunteer) {
        List<Reason> reasons = new ArrayList<>(Criterion.values().length);
        for (Criterion criterion : Criterion.values()) {
            reasons.add(assess(criterion, volunteer, true));
        }
        return reasons;
    }

    private Reason assess(Criterion criterion, Volunteer volunteer, boolean explain) {
        Profile profile = volunteer.profile();
        return switch (criterion) {
            case AGE -> age(profile.childPreferences(), explain);
            case GENDER -> gender(profile.childPreferences(), explain);
            case LANGUAGE -> language(profile.languages(), explain);
            case INTERESTS -> interests(profile.interests(), explain);
            case DISTANCE -> distance(profile.postcode(), explain);
            case AVAILABILITY -> availability(profile.availability(), explain);
            case QUALIFICATION -> new Reason(Criterion.QUALIFICATION, Outcome.FITS, explain
                    ? profile.qualification() + "; required: " + required.describe() : null);
        };
    }

    private Reason age(Profile.ChildPreferences preferences, boolean explain) {
        if (preferences == null || !preferences.hasAgeBand()) {
            return reason(Criterion.AGE, Outcome.FITS, explain, "no preferred age");
        }
        int min = preferences.ageMin() == null ? 0 : preferences.ageMin();
        int max = preferences.ageMax() == null ? Integer.MAX_VALUE : preferences.ageMax();
        int outside = child.age() < min ? min - child.age() : child.age() > max ? child.age() - max : 0;
        Outcome outcome = outside == 0 ? Outcome.FITS : outside <= AGE_TOLERANCE ? Outcome.PARTLY : Outcome.MISSES;
        return new Reason(Criterion.AGE, outcome, explain ? "prefers " + band(preferences) + "; the child is "
                + child.age() + (outside == 0 ? "" : ", " + outside + (outside == 1 ? " year" : " years") + " outside")
                : null);
    }

    private Reason gender(Profile.ChildPreferences preferences, boolean explain) {
        if (preferences == null || preferences.genders().isEmpty()) {
            return reason(Criterion.GENDER, Outcome.FITS, explain, "no gender preference");
        }
        if (child.gender() == null) {
            return reason(Criterion.GENDER, Outcome.NO_DATA, explain, "prefers "
                    + String.join(" or ", preferences.genders()) + "; the child's gender is not known");
        }
        Outcome outcome = preferences.genders().contains(child.gender()) ? Outcome.FITS : Outcome.MISSES;
        return new Reason(Criterion.GENDER, outcome, explain ? "prefers " + String.join(" or ", preferences.genders())
                + "; the child is " + child.gender() : null);
    }

    private Reason language(List<String> spoken, boolean explain) {
        if (childLanguages.isEmpty()) {
            return reason(Criterion.LANGUAGE, Outcome.NO_DATA, explain,
                    "the child's languages are not known (the referral does not say; give languages=)");
        }
        if (spoken == null || spoken.isEmpty()) {
            return reason(Criterion.LANGUAGE, Outcome.NO_DATA, explain, "no languages recorded for the person");
        }
        int shared = 0;
        for (String language : spoken) {
            shared += childLanguages.contains(language.toLowerCase(Locale.ROOT)) ? 1 : 0;
        }
        Outcome outcome = shared == 0 ? Outcome.MISSES
                : shared >= childLanguages.size() ? Outcome.FITS : Outcome.PARTLY;
        if (!explain) {
            return new Reason(Criterion.LANGUAGE, outcome, null);
        }
        Set<String> speaks = lowerCase(spoken);
        return new Reason(Criterion.LANGUAGE, outcome, switch (outcome) {
            case FITS -> "speaks " + join(childLanguages);
            case PARTLY -> "speaks " + join(intersection(childLanguages, speaks)) + ", not "
                    + join(difference(childLanguages, speaks));
            default -> "speaks none of " + join(childLanguages);
        });
    }

    private Reason interests(List<String> theirs, boolean explain) {
        if (childInterests.isEmpty()) {
            return reason(Criterion.INTERESTS, Outcome.NO_DATA, explain,
                    "the child's interests are not known (give interests=)");
        }
        if (theirs == null || theirs.isEmpty()) {
            return reason(Criterion.INTERESTS, Outcome.NO_DATA, explain, "no interests recorded for the person");
        }
        int shared = 0;
        for (String interest : theirs) {
            shared += childInterests.contains(interest.toLowerCase(Locale.ROOT)) ? 1 : 0;
        }
        Outcome outcome = shared == 0 ? Outcome.MISSES
                : shared >= Math.min(2, childInterests.size()) ? Outcome.FITS : Outcome.PARTLY;
        if (!explain) {
            return new Reason(Criterion.INTERESTS, outcome, null);
        }
        return new Reason(Criterion.INTERESTS, outcome, shared == 0 ? "shares none of " + join(childInterests)
                : "shares " + join(intersection(childInterests, lowerCase(theirs))));
    }

    private Reason distance(String postcode, boolean explain) {
        if (childPostcode < 0) {
            return reason(Criterion.DISTANCE, Outcome.NO_DATA, explain,
                    "the child's area is not known (the referral does not say; give area=<postcode>)");
        }
        int theirs = postcode(postcode);
        if (theirs < 0) {
            return reason(Criterion.DISTANCE, Outcome.NO_DATA, explain, "no postcode recorded for the person");
        }
        int apart = Math.abs(theirs - childPostcode);
        Outcome outcome = apart <= NEARBY ? Outcome.FITS
                : apart <= SAME_PART_OF_COUNTRY ? Outcome.PARTLY : Outcome.MISSES;
        return new Reason(Criterion.DISTANCE, outcome, explain ? postcode + (switch (outcome) {
            case FITS -> apart == 0 ? ", the child's postcode" : ", near the child's ";
            case PARTLY -> ", the same part of the country as the child's ";
            default -> ", far from the child's ";
        }) + (apart == 0 ? "" : child.postcode()) : null);
    }

    private Reason availability(Set<WeeklySlot> free, boolean explain) {
        String assumed = child.times() == null || child.times().isEmpty()
                ? " (the family's free time not given: weekday evenings and weekends assumed)" : "";
        if (free == null || free.isEmpty()) {
            return reason(Criterion.AVAILABILITY, Outcome.NO_DATA, explain, "no weekly availability recorded");
        }
        int shared = 0;
        for (WeeklySlot slot : free) {
            shared += childTimes.contains(slot) ? 1 : 0;
        }
        Outcome outcome = shared >= 2 ? Outcome.FITS : shared == 1 ? Outcome.PARTLY : Outcome.MISSES;
        if (!explain) {
            return new Reason(Criterion.AVAILABILITY, outcome, null);
        }
        String both = free.stream().filter(childTimes::contains).sorted().map(WeeklySlot::name)
                .collect(Collectors.joining(", "));
        return new Reason(Criterion.AVAILABILITY, outcome, (shared == 0 ? "free only when the child is not"
                : "free " + both + " like the child") + assumed);
    }

    private static Reason reason(Criterion criterion, Outcome outcome, boolean explain, String detail) {
        return new Reason(criterion, outcome, explain ? detail : null);
    }

    private static String band(Profile.ChildPreferences preferences) {
        if (preferences.ageMin() == null) {
            return "ages up to " + preferences.ageMax();
        }
        if (preferences.ageMax() == null) {
            return "ages from " + preferences.ageMin();
        }
        return "ages " + preferences.ageMin() + "–" + preferences.ageMax();
    }

    /** A four-digit Danish postcode as a number; -1 when absent or not one. */
    static int postcode(String postcode) {
        if (postcode == null || postcode.length() != 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            char digit = postcode.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }

    private static Set<String> lowerCase(Collection<String> values) {
        if (values == null) {
            return Set.of();
        }
        Set<String> lower = new HashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                lower.add(value.strip().toLowerCase(Locale.ROOT));
            }
        }
        return lower;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> only = new TreeSet<>(a);
        only.removeAll(b);
        return only;
    }

    private static String join(Set<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }

    /**
     * What the coordinator knows of the child: age and gender from the referral; postcode, languages,
     * interests and the family's free weekly slots from the intake conversation, where given.
     *
     * @param gender   GIRL, BOY or OTHER; null if not known
     * @param postcode the child's area; null if not known
     * @param times    when the child can meet; null or empty: after school and weekends
     */
    public record Child(int age, String gender, String postcode, Collection<String> languages,
                       Collection<String> interests, Collection<WeeklySlot> times) {
    }

    /** One criterion's outcome, in words for the coordinator. */
    public record Reason(Criterion criterion, Outcome outcome, String detail) {
    }

    /** A person who may work with the child, with a score of 0–100 and why. */
    public record Proposal(Volunteer volunteer, int score, List<Reason> reasons) {
    }

    /**
     * The best proposals for the child among the candidates.
     *
     * @param candidates     how many people were looked at
     * @param excludedPeople how many a hard rule excluded
     * @param excluded       how many each hard rule excluded
     */
    public record Ranking(int candidates, int excludedPeople, Map<Obstacle, Integer> excluded,
                          List<Proposal> proposals) {
    }

    private record Scored(Volunteer volunteer, int score) {
    }
}
