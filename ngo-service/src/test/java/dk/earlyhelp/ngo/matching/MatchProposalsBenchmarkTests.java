package dk.earlyhelp.ngo.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dk.earlyhelp.ngo.volunteers.MatchingRules.RequiredQualification;
import dk.earlyhelp.ngo.volunteers.Volunteer;

/**
 * The ranking alone, without store or HTTP: proposals for one child among 5,000 mentors. Outside
 * the default run: {@code mvn -o -pl ngo-service verify -Dgroups=benchmark}.
 */
@Tag("benchmark")
class MatchProposalsBenchmarkTests {

    static final int CANDIDATES = 5_000;
    static final int WARM_UP = 500;
    static final int RUNS = 200;

    @Test
    void ranksOneChildAmong5000MentorsWellUnder200Milliseconds() {
        LocalDate today = LocalDate.parse("2026-12-01");
        List<Volunteer> mentors = GeneratedVolunteers.mentors(CANDIDATES, today, 42);
        MatchProposals.Child child = new MatchProposals.Child(10, "GIRL", "2200", List.of("ar"),
                List.of("football", "chess"), List.of());

        Timings timings = Timings.measure(WARM_UP, RUNS, () -> {
            MatchProposals.Ranking ranking = new MatchProposals(child, RequiredQualification.ANY, today)
                    .rank(mentors, 10);
            assertThat(ranking.proposals()).hasSize(10);
        });

        timings.print("MatchProposals.rank, " + CANDIDATES + " candidates, limit 10");
        assertThat(timings.p95Millis()).isLessThan(200);
    }
}
