package dk.earlyhelp.referrals.child;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Danish personal identification number (CPR), DDMMYY-SSSS. Checked for form and date only:
 * numbers issued since 2007 need not pass the old modulus-11 check. {@link #toString} never shows it.
 */
public final class CprNumber {

    private static final Pattern FORM = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})-?(\\d{4})");

    private final String digits;
    private final LocalDate birthDate;

    private CprNumber(String digits, LocalDate birthDate) {
        this.digits = digits;
        this.birthDate = birthDate;
    }

    /** Parses DDMMYYSSSS or DDMMYY-SSSS; throws {@link IllegalArgumentException} without echoing the input. */
    public static CprNumber parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a CPR number of the form DDMMYY-SSSS");
        }
        int day = Integer.parseInt(matcher.group(1));
        int month = Integer.parseInt(matcher.group(2));
        int year = Integer.parseInt(matcher.group(3));
        int centuryDigit = matcher.group(4).charAt(0) - '0';
        try {
            return new CprNumber(matcher.group(1) + matcher.group(2) + matcher.group(3) + matcher.group(4),
                    LocalDate.of(century(year, centuryDigit) + year, month, day));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a CPR number with a valid date of birth");
        }
    }

    /** The century rules of the CPR office, by the seventh digit and the year. */
    private static int century(int year, int seventhDigit) {
        if (seventhDigit <= 3) {
            return 1900;
        }
        if (seventhDigit == 4 || seventhDigit == 9) {
            return year <= 36 ? 2000 : 1900;
        }
        return year <= 57 ? 2000 : 1800;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The ten digits, for encryption and the keyed hash only. */
    String digits() {
        return digits;
    }

    @Override
    public String toString() {
        return "CprNumber[hidden]";
    }
}
