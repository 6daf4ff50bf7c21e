package dk.earlyhelp.ngo.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;

/**
 * The candidates for one-to-one matches, precomputed: each NGO's active people are kept in memory
 * by intervention for as long as the NGO's {@link VolunteerManagement.Fingerprint} is unchanged.
 * Reading thousands of people costs far more than ranking them (about 0.4 s for 5,000 on the
 * embedded store, against 10 ms), while the fingerprint is one aggregation. When only writes
 * happened, just the people written to since the copy was made are read again (with a margin for
 * clocks and slow writes); when people were added, everyone is. The fingerprint is read before the
 * people, so a change in between makes the copy look stale, never fresh. Each instance keeps its
 * own copy: nothing shared can go out of step.
 */
@Component
class CandidatePool {

    /** Writes stamped up to this long before a copy was made are read again at its next refresh. */
    static final Duration MARGIN = Duration.ofMinutes(1);

    private final VolunteerManagement volunteers;
    private final Clock clock;
    private final Map<String, Snapshot> byNgo = new ConcurrentHashMap<>();

    CandidatePool(VolunteerManagement volunteers, Clock clock) {
        this.volunteers = volunteers;
        this.clock = clock;
    }

    /** The NGO's active people on the intervention, as they are now. */
    List<Volunteer> activeOn(String ngoCode, String interventionCode) {
        Instant readAt = clock.instant();
        VolunteerManagement.Fingerprint now = volunteers.fingerprint(ngoCode);
        Snapshot snapshot = byNgo.get(ngoCode);
        if (snapshot == null || snapshot.fingerprint().people() != now.people()) {
            snapshot = Snapshot.of(now, readAt, new HashMap<>(), volunteers.active(ngoCode));
            byNgo.put(ngoCode, snapshot);
        } else if (!snapshot.fingerprint().equals(now)) {
            snapshot = Snapshot.of(now, readAt, new HashMap<>(snapshot.active()),
                    volunteers.changedSince(ngoCode, snapshot.readAt().minus(MARGIN)));
            byNgo.put(ngoCode, snapshot);
        }
        return snapshot.byIntervention().getOrDefault(interventionCode, List.of());
    }

    /**
     * @param readAt when the fingerprint was read, before the people
     * @param active the active people by id
     */
    private record Snapshot(VolunteerManagement.Fingerprint fingerprint, Instant readAt, Map<String, Volunteer> active,
                            Map<String, List<Volunteer>> byIntervention) {

        /** The people known so far, with those read now put in (active) or taken out (any other status). */
        static Snapshot of(VolunteerManagement.Fingerprint fingerprint, Instant readAt, Map<String, Volunteer> known,
                List<Volunteer> read) {
            for (Volunteer person : read) {
                if (person.status() == Volunteer.Status.ACTIVE) {
                    known.put(person.id(), person);
                } else {
                    known.remove(person.id());
                }
            }
            Map<String, List<Volunteer>> byIntervention = new HashMap<>();
            for (Volunteer person : known.values()) {
                if (person.profile().interventionCodes() != null) {
                    person.profile().interventionCodes().forEach(code ->
                            byIntervention.computeIfAbsent(code, any -> new ArrayList<>()).add(person));
                }
            }
            byIntervention.replaceAll((code, people) -> List.copyOf(people));
            return new Snapshot(fingerprint, readAt, Map.copyOf(known), Map.copyOf(byIntervention));
        }
    }
}
