package dk.earlyhelp.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SubjectPseudonymTests {

    @Test
    void isTheHexSha256OfTheSubjectAndTheCallersOwn() {
        // echo -n frivillig.powerkids | sha256sum
        assertThat(SubjectPseudonym.of("frivillig.powerkids"))
                .isEqualTo("baacea8407bf8055e589986aa01835f322cfa6bfc3ecd683a8e1be9ed94b1d3a")
                .doesNotContain("frivillig");
        Caller caller = new Caller("frivillig.powerkids", Set.of("VOLUNTEER"), "NGO", "URK_AAR", Set.of(), null, null,
                null);
        assertThat(caller.subjectPseudonym()).isEqualTo(SubjectPseudonym.of("frivillig.powerkids"));
        assertThat(SubjectPseudonym.of(null)).isNull();
    }
}
