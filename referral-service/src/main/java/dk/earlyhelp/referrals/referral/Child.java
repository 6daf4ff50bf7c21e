package dk.earlyhelp.referrals.referral;

import java.time.LocalDate;
import java.time.Period;

/**
 * The child as the referrer describes them. Names stay in this service; other services only ever
 * see the pseudonym. In a draft any part may still be missing.
 *
 * @param pseudonym    the child's id across services (a keyed hash, see {@code ChildIdentity}); null
 *                     until the draft names the child well enough to derive it
 * @param encryptedCpr the CPR number, encrypted; null when the referrer did not give one
 */
public record Child(String pseudonym, String firstName, String lastName, LocalDate birthDate, Gender gender,
                    String school, String postcode, String encryptedCpr) {

    public enum Gender { GIRL, BOY, OTHER }

    /** The child's age on the day, or null while the birth date is not known. */
    public Integer ageOn(LocalDate day) {
        return birthDate == null ? null : Period.between(birthDate, day).getYears();
    }
}
