package dk.earlyhelp.local.system;

import java.util.List;

/** The synthetic CPR numbers the system tests give the running system, so the last test can look for them everywhere. */
final class SyntheticCprs {

    /** Alma, born 14 March 2015 (the 7th digit 4 with year 15 means 2015). */
    static final String ALMA = "140315-4123";

    static final List<String> USED = List.of(ALMA);

    private SyntheticCprs() {
    }
}
