package dk.earlyhelp.referrals.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class ChildIdentityTests {

    final ChildIdentity identity = new ChildIdentity(new ChildIdentity.Keys(
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes()),
            Base64.getEncoder().encodeToString("another-key-for-the-pseudonyms!!".getBytes())));

    @Test
    void parsesCprNumbersWithTheCenturyRulesOfTheCprOffice() {
        assertThat(CprNumber.parse("140315-4321").birthDate()).isEqualTo(LocalDate.of(2015, 3, 14));
        assertThat(CprNumber.parse("1403851234").birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(CprNumber.parse("010110-5000").birthDate()).isEqualTo(LocalDate.of(2010, 1, 1));
        assertThat(CprNumber.parse("010160-5000").birthDate()).isEqualTo(LocalDate.of(1860, 1, 1));
    }

    @Test
    void rejectsMalformedNumbersAndImpossibleDatesWithoutEchoingThem() {
        assertThatThrownBy(() -> CprNumber.parse("12345")).hasMessageNotContaining("12345");
        assertThatThrownBy(() -> CprNumber.parse("310215-4321")).hasMessageContaining("valid date");
        assertThat(CprNumber.parse("140315-4321").toString()).doesNotContain("140315");
    }

    @Test
    void sameChildGetsTheSamePseudonymInTheSameMunicipalityOnly() {
        CprNumber cpr = CprNumber.parse("140315-4321");

        String aarhus = identity.pseudonym("0751", cpr, "Alma", "Jensen", cpr.birthDate());
        String aarhusAgain = identity.pseudonym("0751", CprNumber.parse("1403154321"), "ALMA", "jensen", null);
        String copenhagen = identity.pseudonym("0101", cpr, "Alma", "Jensen", cpr.birthDate());

        assertThat(aarhus).isEqualTo(aarhusAgain).isNotEqualTo(copenhagen).doesNotContain("140315");
        assertThat(identity.pseudonym("0751", null, " Alma ", "JENSEN", LocalDate.of(2015, 3, 14)))
                .isEqualTo(identity.pseudonym("0751", null, "alma", "jensen", LocalDate.of(2015, 3, 14)));
    }

    @Test
    void encryptsCprNumbersSoOnlyTheKeyReadsThemBack() {
        CprNumber cpr = CprNumber.parse("140315-4321");

        String stored = identity.encrypt(cpr);

        assertThat(stored).doesNotContain("1403154321");
        assertThat(identity.encrypt(cpr)).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(identity.decrypt(stored).birthDate()).isEqualTo(cpr.birthDate());
        String tampered = Base64.getEncoder().encodeToString(flipLastByte(Base64.getDecoder().decode(stored)));
        assertThatThrownBy(() -> identity.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] flipLastByte(byte[] bytes) {
        bytes[bytes.length - 1] ^= 1;
        return bytes;
    }
}
