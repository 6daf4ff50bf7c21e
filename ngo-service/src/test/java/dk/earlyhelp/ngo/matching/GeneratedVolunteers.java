package dk.earlyhelp.ngo.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dk.earlyhelp.ngo.volunteers.ChildProtectionCertificate;
import dk.earlyhelp.ngo.volunteers.Profile;
import dk.earlyhelp.ngo.volunteers.StatusChange;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.WeeklySlot;

/**
 * Active STRØM mentors for the benchmarks, the same for the same seed: about one in ten without a
 * valid certificate, one in seven with no free place, languages, interests, postcodes all over
 * Denmark, two to four weekly slots, a third with a preferred age band, a few with a gender.
 */
final class GeneratedVolunteers {

    static final String ID_PREFIX = "bench-";
    private static final List<String> LANGUAGES = List.of("da", "en", "ar", "so", "tr", "uk", "fa", "pl", "de", "ur");
    private static final List<String> INTERESTS = List.of("football", "music", "drawing", "gaming", "nature",
            "cooking", "reading", "dance", "climbing", "crafts", "chess", "swimming");
    private static final WeeklySlot[] SLOTS = WeeklySlot.values();

    private GeneratedVolunteers() {
    }

    static List<Volunteer> mentors(int count, LocalDate today, long seed) {
        Random random = new Random(seed);
        List<Volunteer> mentors = new ArrayList<>(count);
        Instant since = today.minusYears(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            ChildProtectionCertificate certificate = random.nextInt(10) == 0 ? null
                    : new ChildProtectionCertificate(today.minusDays(30 + random.nextInt(300)),
                            today.plusDays(100 + random.nextInt(600)));
            int capacity = 1 + random.nextInt(2);
            List<String> matched = random.nextInt(7) == 0 ? pad(capacity, i) : List.of();
            Set<WeeklySlot> slots = EnumSet.noneOf(WeeklySlot.class);
            int slotCount = 2 + random.nextInt(3);
            while (slots.size() < slotCount) {
                slots.add(SLOTS[random.nextInt(SLOTS.length)]);
            }
            int ageMin = 6 + random.nextInt(8);
            Profile.ChildPreferences preferences = switch (random.nextInt(6)) {
                case 0, 1 -> new Profile.ChildPreferences(ageMin, ageMin + 3, List.of());
                case 2 -> new Profile.ChildPreferences(null, null, List.of(random.nextBoolean() ? "GIRL" : "BOY"));
                default -> null;
            };
            Profile profile = new Profile("Mentor " + i, Profile.Kind.VOLUNTEER,
                    Profile.Qualification.values()[random.nextInt(3)], certificate, today.minusDays(200), true,
                    List.of("da", LANGUAGES.get(random.nextInt(LANGUAGES.size()))),
                    List.of(INTERESTS.get(random.nextInt(INTERESTS.size())),
                            INTERESTS.get(random.nextInt(INTERESTS.size()))),
                    String.valueOf(1000 + random.nextInt(8990)), slots, capacity, List.of("STROEM"), preferences,
                    null);
            mentors.add(new Volunteer(ID_PREFIX + i, "URK_KBH", profile, Volunteer.Status.ACTIVE,
                    List.of(new StatusChange(Volunteer.Status.ACTIVE, since, "benchmark")), matched, since));
        }
        return mentors;
    }

    private static List<String> pad(int capacity, int i) {
        List<String> matched = new ArrayList<>();
        for (int k = 0; k < capacity; k++) {
            matched.add("bench-referral-" + i + "-" + k);
        }
        return matched;
    }
}
