package dk.earlyhelp.consent.consent;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The choices CONSENT.md leaves to a municipality's data protection officer (rules 2 and 3), as
 * the decision applies them on the day asked: the settings as they are now, the child's age on
 * that day. Defaults by annotation rather than in the constructor, so that {@code young-person-from: 0}
 * can switch the co-consent rule off (an empty value keeps the default).
 *
 * @param allCustodyHolders with joint custody every custody holder must consent (true), or one suffices (false)
 * @param youngPersonFrom   the age from which the young person's own consent is needed alongside the
 *                          custody holders'; 0 or null (as it is then shown) means never
 * @param adultAt           the age from which the custody holders' consent lapses and the young adult decides alone
 */
@ConfigurationProperties("earlyhelp.consent.rules")
public record ConsentRules(@DefaultValue("true") boolean allCustodyHolders, @DefaultValue("15") Integer youngPersonFrom,
                           @DefaultValue("18") int adultAt) {

    /** The defaults of CONSENT.md: all custody holders, the young person from 15, alone from 18. */
    public static final ConsentRules DEFAULTS = new ConsentRules(true, 15, 18);

    public ConsentRules {
        if (youngPersonFrom != null && youngPersonFrom < 0 || adultAt <= 0) {
            throw new IllegalArgumentException(
                    "Ages in earlyhelp.consent.rules must be positive (young-person-from 0 switches it off).");
        }
        youngPersonFrom = youngPersonFrom == null || youngPersonFrom == 0 ? null : youngPersonFrom;
    }

    /** How many custody holders must consent to a consent that says {@code recorded} must. */
    public int custodyHoldersNeeded(int recorded) {
        return allCustodyHolders ? recorded : Math.min(recorded, 1);
    }

    /**
     * Whose consent counts on {@code day} for a child born on {@code birthDate}. Without a birth
     * date, the young person's consent is needed as staff recorded it ({@code youngPersonRequired}),
     * and the custody holders' never lapses. A child born on 29 February turns a year older on
     * 1 March in other years, as {@link Period} counts.
     */
    public AgeRule ageRule(LocalDate birthDate, boolean youngPersonRequired, LocalDate day) {
        if (birthDate == null) {
            return youngPersonRequired ? AgeRule.WITH_YOUNG_PERSON : AgeRule.CUSTODY_HOLDERS;
        }
        int age = Period.between(birthDate, day).getYears();
        if (age >= adultAt) {
            return AgeRule.YOUNG_ADULT;
        }
        return youngPersonFrom != null && age >= youngPersonFrom ? AgeRule.WITH_YOUNG_PERSON : AgeRule.CUSTODY_HOLDERS;
    }
}
