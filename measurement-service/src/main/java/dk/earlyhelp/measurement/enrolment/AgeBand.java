package dk.earlyhelp.measurement.enrolment;

/** The age bands outcome figures are filtered by; a band, never the exact age, leaves the referral. */
public final class AgeBand {

    private AgeBand() {
    }

    public static String of(int age) {
        if (age <= 5) {
            return "0-5";
        }
        if (age <= 9) {
            return "6-9";
        }
        if (age <= 12) {
            return "10-12";
        }
        if (age <= 15) {
            return "13-15";
        }
        // Referrals accept young people up to 25 in a few offers; the instrument's bands end at 18.
        return age <= 18 ? "16-18" : "19+";
    }
}
