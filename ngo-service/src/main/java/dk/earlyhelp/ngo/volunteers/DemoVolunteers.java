package dk.earlyhelp.ngo.volunteers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dk.earlyhelp.ngo.catalogue.Capacity;
import dk.earlyhelp.ngo.catalogue.CatalogueManagement;
import dk.earlyhelp.ngo.catalogue.DemoCatalogue;
import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.Ngo;
import dk.earlyhelp.ngo.catalogue.TargetGroup;
import dk.earlyhelp.ngo.volunteers.Profile.Kind;
import dk.earlyhelp.ngo.volunteers.Profile.Qualification;
import dk.earlyhelp.ngo.volunteers.Volunteer.Status;

/**
 * Turns the catalogue's illustrative capacity ({@code volunteers}, {@code staff}) into synthetic
 * people, so the capacity view and the waiting list mean something on first start. Names are
 * synthetic ("Frivillig 3 (Powerkids)"); the spread is deterministic and realistic: most active
 * with a valid certificate, about one in five onboarding, one paused and one with an expired
 * certificate per intervention, a few applicants in the big ones, evenings and weekends for
 * volunteers, some with a preferred age band or gender; the first volunteer of each intervention
 * signs in as {@code frivillig.<intervention code>}. Ids are fixed and every field is written only
 * on insert, so a restart adds nothing and keeps what a coordinator changed; dates count from the
 * day the person was first seeded.
 */
@Component
@ConditionalOnProperty(name = "earlyhelp.demo-data", havingValue = "true")
@Order(DemoVolunteers.ORDER)
public class DemoVolunteers implements ApplicationRunner {

    /** After the catalogue; the demo groups pick their leaders from these people. */
    public static final int ORDER = DemoCatalogue.ORDER + 1;
    static final String ACTOR = "demo-data";
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final Logger log = LoggerFactory.getLogger(DemoVolunteers.class);

    private static final List<List<String>> LANGUAGES = List.of(List.of("da"), List.of("da", "en"),
            List.of("da", "ar"), List.of("da", "en", "so"), List.of("da", "tr"), List.of("da", "uk"),
            List.of("da", "en"), List.of("da", "ar", "en"), List.of("da", "so"), List.of("da", "uk", "en"));
    private static final List<String> INTERESTS = List.of("football", "music", "drawing", "gaming", "nature",
            "cooking", "reading", "dance", "climbing", "crafts");
    private static final List<Set<WeeklySlot>> FREE_TIME = List.of(
            EnumSet.of(WeeklySlot.TUE_EVENING, WeeklySlot.THU_EVENING),
            EnumSet.of(WeeklySlot.SAT_DAYTIME, WeeklySlot.SUN_DAYTIME),
            EnumSet.of(WeeklySlot.MON_EVENING, WeeklySlot.WED_EVENING, WeeklySlot.SAT_DAYTIME),
            EnumSet.of(WeeklySlot.WED_EVENING, WeeklySlot.SUN_DAYTIME),
            EnumSet.of(WeeklySlot.THU_EVENING, WeeklySlot.SAT_DAYTIME),
            // A student with free weekday afternoons.
            EnumSet.of(WeeklySlot.TUE_EVENING, WeeklySlot.WED_DAYTIME, WeeklySlot.FRI_DAYTIME),
            EnumSet.of(WeeklySlot.MON_EVENING, WeeklySlot.SUN_EVENING));
    private static final Set<WeeklySlot> WORKING_WEEK = EnumSet.of(WeeklySlot.MON_DAYTIME, WeeklySlot.TUE_DAYTIME,
            WeeklySlot.WED_DAYTIME, WeeklySlot.THU_DAYTIME, WeeklySlot.FRI_DAYTIME);
    /** A few real postcodes of each demo municipality. */
    private static final Map<String, List<String>> POSTCODES = Map.ofEntries(
            Map.entry("0101", List.of("2200", "2300", "2400", "2450")), Map.entry("0175", List.of("2610")),
            Map.entry("0240", List.of("3650", "2765")), Map.entry("0410", List.of("5500")),
            Map.entry("0461", List.of("5000", "5200", "5220")), Map.entry("0561", List.of("6700", "6705")),
            Map.entry("0615", List.of("8700")), Map.entry("0657", List.of("7400")),
            Map.entry("0751", List.of("8000", "8200", "8210", "8220")), Map.entry("0779", List.of("7800")),
            Map.entry("0791", List.of("8800")));

    private final VolunteerManagement volunteers;
    private final CatalogueManagement catalogue;
    private final Clock clock;

    DemoVolunteers(VolunteerManagement volunteers, CatalogueManagement catalogue, Clock clock) {
        this.volunteers = volunteers;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock.withZone(DENMARK));
        Map<String, Ngo> ngos = catalogue.ngos().stream().collect(Collectors.toMap(Ngo::code, Function.identity()));
        int added = 0;
        int people = 0;
        for (Intervention intervention : catalogue.interventions()) {
            for (Volunteer person : people(intervention, ngos.get(intervention.ngoCode()), today)) {
                people++;
                added += volunteers.insertOnce(person) ? 1 : 0;
            }
        }
        log.info("Demo volunteers and staff: {} in the catalogue's capacity, {} added", people, added);
    }

    /** The synthetic people of one intervention, the same every time for the same day. */
    static List<Volunteer> people(Intervention intervention, Ngo ngo, LocalDate today) {
        Capacity capacity = intervention.capacity();
        List<Volunteer> people = new ArrayList<>();
        if (capacity == null) {
            return people;
        }
        int volunteers = capacity.volunteers() == null ? 0 : capacity.volunteers();
        int staff = capacity.staff() == null ? 0 : capacity.staff();
        for (int i = 1; i <= volunteers; i++) {
            people.add(volunteer(intervention, ngo, i, volunteers, today));
        }
        for (int i = 1; i <= staff; i++) {
            people.add(staffMember(intervention, ngo, i, staff, today));
        }
        return people;
    }

    private static Volunteer volunteer(Intervention intervention, Ngo ngo, int i, int of, LocalDate today) {
        Status status = of >= 5 && i == of ? Status.PAUSED
                : of >= 5 && i % 5 == 4 ? Status.ONBOARDING
                : of >= 10 && i % 10 == 7 ? Status.APPLICANT
                : Status.ACTIVE;
        List<StatusChange> history = new ArrayList<>();
        ChildProtectionCertificate certificate = null;
        LocalDate trained = null;
        if (status == Status.ACTIVE || status == Status.PAUSED) {
            LocalDate applied = today.minusDays(120 + (i * 41L) % 480);
            history.add(change(Status.APPLICANT, applied));
            history.add(change(Status.ONBOARDING, applied.plusDays(10)));
            history.add(change(Status.ACTIVE, applied.plusDays(52)));
            if (status == Status.PAUSED) {
                history.add(change(Status.PAUSED, today.minusDays(10 + i % 20)));
            }
            trained = applied.plusDays(52);
            LocalDate checked = applied.plusDays(20);
            if (of >= 5 && i == 2) {
                // Expired: the NGO must ask for a new one before this person meets a child under 15 again.
                certificate = new ChildProtectionCertificate(today.minusYears(2).minusDays(60), today.minusDays(60));
            } else if (of >= 10 && i == 3) {
                certificate = new ChildProtectionCertificate(checked, today.plusDays(30));
            } else {
                certificate = new ChildProtectionCertificate(checked, checked.plusYears(2));
            }
        } else if (status == Status.ONBOARDING) {
            LocalDate since = today.minusDays((i * 11L) % 35);
            history.add(change(Status.APPLICANT, since.minusDays(12)));
            history.add(change(Status.ONBOARDING, since));
            if (!since.plusDays(14).isAfter(today)) {
                certificate = new ChildProtectionCertificate(since.plusDays(14), since.plusDays(14).plusYears(2));
            }
        } else {
            history.add(change(Status.APPLICANT, today.minusDays(1 + i % 14)));
        }
        Profile profile = new Profile(String.format("Frivillig %d (%s)", i, label(intervention, ngo)), Kind.VOLUNTEER,
                qualification(ngo, i), certificate, trained, status != Status.APPLICANT && i % 4 != 3,
                LANGUAGES.get((i - 1 + intervention.code().length()) % LANGUAGES.size()), interests(i),
                postcode(intervention, i), FREE_TIME.get((i - 1) % FREE_TIME.size()),
                volunteerCapacity(intervention, i, of), List.of(intervention.code()), preferences(intervention, i),
                i == 1 ? login(intervention) : null);
        return new Volunteer(id(intervention, "v", i), intervention.ngoCode(), profile, status, history, List.of(),
                history.get(0).at());
    }

    private static Volunteer staffMember(Intervention intervention, Ngo ngo, int i, int of, LocalDate today) {
        LocalDate hired = today.minusDays(200 + (i * 97L) % 900);
        LocalDate checked = today.minusDays(30 + (i * 67L) % 500);
        Set<WeeklySlot> week = EnumSet.copyOf(WORKING_WEEK);
        if (i % 2 == 1) {
            week.add(WeeklySlot.TUE_EVENING);
        }
        Profile profile = new Profile(String.format("Medarbejder %d (%s)", i, label(intervention, ngo)), Kind.STAFF,
                Qualification.PROFESSIONAL, new ChildProtectionCertificate(checked, checked.plusYears(2)),
                hired.plusDays(30), true, i % 2 == 0 ? List.of("da", "en") : List.of("da"), interests(i + 5),
                postcode(intervention, i), week, staffCapacity(intervention, of), List.of(intervention.code()), null,
                null);
        List<StatusChange> history = List.of(change(Status.ACTIVE, hired));
        return new Volunteer(id(intervention, "s", i), intervention.ngoCode(), profile, Status.ACTIVE, history,
                List.of(), history.get(0).at());
    }

    /** Group leaders take children through their groups' seats, not one-to-one. */
    private static int volunteerCapacity(Intervention intervention, int i, int of) {
        Capacity capacity = intervention.capacity();
        if (intervention.format() != null && intervention.format().groupCourse()) {
            return 0;
        }
        if (capacity.childrenPerMentor() != null) {
            return capacity.childrenPerMentor();
        }
        if (capacity.concurrentChildren() != null) {
            // Spread the catalogue's concurrent children over the volunteers: some take two, the rest one.
            return i <= capacity.concurrentChildren() - of ? 2 : 1;
        }
        return 1;
    }

    private static int staffCapacity(Intervention intervention, int of) {
        Capacity capacity = intervention.capacity();
        if (intervention.format() != null && intervention.format().groupCourse()) {
            return 0;
        }
        if (capacity.concurrentChildren() != null && capacity.volunteers() == null) {
            return (capacity.concurrentChildren() + of - 1) / of;
        }
        return 5;
    }

    private static Qualification qualification(Ngo ngo, int i) {
        String level = ngo == null ? null : ngo.volunteerQualification();
        if ("PROFESSIONAL".equals(level)) {
            return i % 5 == 0 ? Qualification.IN_RELEVANT_EDUCATION : Qualification.PROFESSIONAL;
        }
        if ("IN_RELEVANT_EDUCATION".equals(level)) {
            return i % 4 == 0 ? Qualification.PROFESSIONAL : Qualification.IN_RELEVANT_EDUCATION;
        }
        return i % 3 == 0 ? Qualification.IN_RELEVANT_EDUCATION : Qualification.PERSONAL_FIT;
    }

    /**
     * Some prefer the younger or the older half of the target group, a few girls or boys only, the
     * rest have no preference.
     */
    private static Profile.ChildPreferences preferences(Intervention intervention, int i) {
        TargetGroup target = intervention.targetGroup();
        int youngest = target == null || target.ageMin() == null ? 6 : target.ageMin();
        int oldest = target == null || target.ageMax() == null ? 17 : target.ageMax();
        int middle = (youngest + oldest) / 2;
        List<String> genders = i % 6 == 5 ? List.of("GIRL") : i % 8 == 6 ? List.of("BOY") : List.of();
        return switch (i % 3) {
            case 0 -> new Profile.ChildPreferences(youngest, middle, genders);
            case 1 -> new Profile.ChildPreferences(middle, oldest, genders);
            default -> genders.isEmpty() ? null : new Profile.ChildPreferences(null, null, genders);
        };
    }

    /** The first volunteer of each intervention signs in as the demo volunteer, e.g. frivillig.powerkids. */
    static String login(Intervention intervention) {
        return "frivillig." + intervention.code().toLowerCase();
    }

    private static List<String> interests(int i) {
        return List.of(INTERESTS.get((i * 3) % INTERESTS.size()), INTERESTS.get((i * 7 + 1) % INTERESTS.size()));
    }

    private static String postcode(Intervention intervention, int i) {
        List<String> municipalities = intervention.municipalities();
        String municipality = municipalities.get(i % municipalities.size());
        List<String> postcodes = POSTCODES.getOrDefault(municipality, List.of("8000"));
        return postcodes.get((i / municipalities.size()) % postcodes.size());
    }

    /** The intervention's name, or the NGO's where the intervention's is too long to read in a list. */
    private static String label(Intervention intervention, Ngo ngo) {
        return intervention.name().length() <= 30 || ngo == null ? intervention.name() : ngo.name();
    }

    private static String id(Intervention intervention, String kind, int i) {
        return String.format("demo-%s-%s%02d", intervention.code().toLowerCase().replace('_', '-'), kind, i);
    }

    private static StatusChange change(Status status, LocalDate on) {
        return new StatusChange(status, on.atTime(10, 0).atZone(DENMARK).toInstant(), ACTOR);
    }
}
