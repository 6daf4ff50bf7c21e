package dk.earlyhelp.ngo.capacity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import dk.earlyhelp.ngo.catalogue.Capacity;
import dk.earlyhelp.ngo.catalogue.Format;
import dk.earlyhelp.ngo.catalogue.Intervention;

/**
 * Estimates free places and the expected start of a child referred today from the catalogue's
 * capacity and the inbox. It is an estimate until groups and volunteers (the rest of the NGO
 * capacity feature) are kept one by one and replace it.
 * <ul>
 * <li>places: {@code concurrentChildren}; else {@code groupsPerTerm × groupSizeMax}; else
 * {@code volunteers × childrenPerMentor} (1 if not given); else {@code staff × 5}; else 0</li>
 * <li>free places: {@code max(0, places − occupied − waiting)}</li>
 * <li>course length: {@code durationWeeks}; else {@code ⌈sessions × sessionEveryDays / 7⌉} (weekly if
 * not given); else {@code maxSessions} weekly; else 12 weeks</li>
 * <li>expected start: with a free place, today + 14 days of intake. Otherwise the child is number
 * {@code q = occupied + waiting − places + 1} in the queue; as about {@code places / length} places
 * turn over a week, it starts {@code ⌈q × length / places⌉} weeks after the intake. No places, no
 * estimate.</li>
 * </ul>
 * "Today" is the date in Denmark.
 */
@Component
public class AvailabilityPlanner {

    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    static final int INTAKE_DAYS = 14;
    static final int CHILDREN_PER_STAFF = 5;
    static final int DEFAULT_COURSE_WEEKS = 12;

    private final Clock clock;

    public AvailabilityPlanner(Clock clock) {
        this.clock = clock;
    }

    public Availability.Figures plan(Intervention intervention, int occupied, int waiting) {
        int places = places(intervention);
        int freePlaces = Math.max(0, places - occupied - waiting);
        LocalDate intake = LocalDate.now(clock.withZone(DENMARK)).plusDays(INTAKE_DAYS);
        LocalDate expectedStart;
        if (freePlaces > 0) {
            expectedStart = intake;
        } else if (places == 0) {
            expectedStart = null;
        } else {
            int queuePosition = occupied + waiting - places + 1;
            expectedStart = intake.plusWeeks(ceilDiv(queuePosition * courseWeeks(intervention.format()), places));
        }
        return new Availability.Figures(places, occupied, waiting, freePlaces, expectedStart);
    }

    static int places(Intervention intervention) {
        Capacity capacity = intervention.capacity();
        Format format = intervention.format();
        if (capacity == null) {
            return 0;
        }
        if (capacity.concurrentChildren() != null) {
            return capacity.concurrentChildren();
        }
        if (capacity.groupsPerTerm() != null && format != null && format.groupSizeMax() != null) {
            return capacity.groupsPerTerm() * format.groupSizeMax();
        }
        if (capacity.volunteers() != null) {
            return capacity.volunteers() * (capacity.childrenPerMentor() == null ? 1 : capacity.childrenPerMentor());
        }
        if (capacity.staff() != null) {
            return capacity.staff() * CHILDREN_PER_STAFF;
        }
        return 0;
    }

    static int courseWeeks(Format format) {
        if (format == null) {
            return DEFAULT_COURSE_WEEKS;
        }
        if (format.durationWeeks() != null) {
            return format.durationWeeks();
        }
        if (format.sessions() != null) {
            return ceilDiv(format.sessions() * (format.sessionEveryDays() == null ? 7 : format.sessionEveryDays()), 7);
        }
        if (format.maxSessions() != null) {
            return format.maxSessions();
        }
        return DEFAULT_COURSE_WEEKS;
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
