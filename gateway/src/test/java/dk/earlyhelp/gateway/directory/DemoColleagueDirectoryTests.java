package dk.earlyhelp.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The run mode's colleague search: the searcher's municipality only, by name or role, never the searcher. */
class DemoColleagueDirectoryTests {

    final DemoColleagueDirectory directory = new DemoColleagueDirectory();

    @Test
    void findsColleaguesOfTheOwnMunicipalityByNameOrRole() {
        assertThat(directory.search("0751", "karim", Set.of(), "laerer.aarhus"))
                .extracting(Colleague::id, Colleague::email, Colleague::staffRole)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("psykolog.aarhus", "psykolog.aarhus@example.org",
                        "SCHOOL_PSYCHOLOGIST"));
        assertThat(directory.search("0751", "skolepsykolog", Set.of("SCHOOL_PSYCHOLOGIST"), "laerer.aarhus"))
                .extracting(Colleague::name).containsExactly("Karim Aziz");
        assertThat(directory.search("0751", "h", Set.of(), "psykolog.aarhus")).extracting(Colleague::name)
                .as("every word in the name, sorted by name").containsExactly("Hanne Vinther", "Mette Holm");
    }

    @Test
    void nobodyOfAnotherMunicipalityNorOfAnNgoNorTheSearcher() {
        assertThat(directory.search("0751", "jonas", Set.of("CASEWORKER"), "laerer.aarhus"))
                .as("Copenhagen's caseworker and STRØM's mentor").isEmpty();
        assertThat(directory.search("0751", "mette", Set.of(), "laerer.aarhus")).as("not oneself").isEmpty();
        assertThat(directory.search("0751", "peter", Set.of(), "laerer.aarhus"))
                .as("the steering group member has no staff role").isEmpty();
        assertThat(directory.find("0101", "psykolog.aarhus")).as("chosen from another municipality").isEmpty();
        assertThat(directory.find("0751", "psykolog.aarhus")).isPresent();
        assertThat(directory.search("0751", "  ", Set.of(), "laerer.aarhus")).isEmpty();
    }
}
