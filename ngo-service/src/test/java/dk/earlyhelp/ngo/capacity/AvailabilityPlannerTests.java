package dk.earlyhelp.ngo.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.ngo.catalogue.Capacity;
import dk.earlyhelp.ngo.catalogue.Format;
import dk.earlyhelp.ngo.catalogue.Intervention;

/** The availability rules on a fixed clock: late evening UTC is already the next day in Denmark. */
class AvailabilityPlannerTests {

    static final AvailabilityPlanner PLANNER = new AvailabilityPlanner(
            Clock.fixed(Instant.parse("2026-11-25T23:30:00Z"), ZoneOffset.UTC));
    static final LocalDate INTAKE = LocalDate.parse("2026-11-26").plusDays(14);
    /** 3 groups of at most 8 children; 8 weekly sessions. */
    static final Intervention POWERKIDS = intervention(new Format("GROUP_COURSE", 8, 7, null, null, 8, null, null, null),
            new Capacity(null, 3, 6, null, null));

    @Test
    void withAFreePlaceTheChildStartsAfterTheIntake() {
        Availability.Figures figures = PLANNER.plan(POWERKIDS, 3, 1);

        assertThat(figures).isEqualTo(new Availability.Figures(24, 3, 1, 20, INTAKE));
    }

    @Test
    void whenFullTheQueuePositionAndCourseLengthSetTheStart() {
        // Number 6 in the queue; 24 places turn over every 8 weeks: ceil(6 * 8 / 24) = 2 weeks after the intake.
        assertThat(PLANNER.plan(POWERKIDS, 24, 5)).isEqualTo(new Availability.Figures(24, 24, 5, 0, INTAKE.plusWeeks(2)));
        // Overbooked by accepting: number 3 in the queue, ceil(3 * 8 / 24) = 1 week.
        assertThat(PLANNER.plan(POWERKIDS, 26, 0).expectedStart()).isEqualTo(INTAKE.plusWeeks(1));
    }

    @Test
    void placesAndCourseLengthFollowTheCatalogueInOrder() {
        assertThat(AvailabilityPlanner.places(intervention(null, new Capacity(40, null, null, 4, null)))).isEqualTo(40);
        assertThat(AvailabilityPlanner.places(intervention(null, new Capacity(null, null, 30, null, 1)))).isEqualTo(30);
        assertThat(AvailabilityPlanner.places(intervention(null, new Capacity(null, null, null, 4, null)))).isEqualTo(20);
        assertThat(AvailabilityPlanner.courseWeeks(new Format("MENTORING", null, null, 52, null, null, 3, 2, null)))
                .isEqualTo(52);
        assertThat(AvailabilityPlanner.courseWeeks(new Format("GROUP_COURSE", 10, 14, null, null, 10, null, null, null)))
                .isEqualTo(20);
        assertThat(AvailabilityPlanner.courseWeeks(new Format("COUNSELLING", null, null, null, 8, null, null, null, null)))
                .isEqualTo(8);
        assertThat(AvailabilityPlanner.courseWeeks(new Format("COUNSELLING", null, null, null, null, null, null, null,
                null))).isEqualTo(12);

        Availability.Figures unknown = PLANNER.plan(intervention(null, null), 0, 2);
        assertThat(unknown.places()).isZero();
        assertThat(unknown.expectedStart()).as("no capacity, no estimate").isNull();
    }

    private static Intervention intervention(Format format, Capacity capacity) {
        return new Intervention("TEST", "Test", "NGO", List.of("0751"), "B3_PARTNERSHIP_FULL", List.of("GROUP"), null,
                format, capacity, "NGO", List.of(), false, null, List.of());
    }
}
