package dk.earlyhelp.referrals.referral;

import java.time.LocalDate;
import java.time.Period;

/**
 * The child as the referrer describes them. Names stay in this service; other services only ever
 * see the pseudonym.
 *
 * @param pseudonym    the child's id across services (a keyed hash, see {@code ChildIdentity})
 * @param encryptedCpr the CPR number, encrypted; null when the referrer did not give one
 */
public record Child(String pseudonym, String firstName, String lastName, LocalDate birthDate, Gender gender,
                    String school, String postcode, String encryptedCpr) {

    public enum Gender { GIRL, BOY, OTHER }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
