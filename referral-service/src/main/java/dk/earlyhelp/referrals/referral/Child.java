package dk.earlyhelp.referrals.referral;

import java.time.LocalDate;
import java.time.Period;

/**
 * The child as the referrer describes them. Names stay in this service; other services only ever
 * see the pseudonym.
 *
 * @param pseudonym the child's id across services
 */
public record Child(String pseudonym, String firstName, String lastName, LocalDate birthDate, Gender gender,
                    String school, String postcode) {

    public enum Gender { GIRL, BOY, OTHER }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
