package dk.earlyhelp.ngo.volunteers;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the coordinator keeps about a volunteer or staff member, replaced as a whole on update;
 * status and its history change only through their own transitions.
 *
 * @param displayName          how the coordinator knows the person (synthetic in the demo)
 * @param certificate          the child protection certificate; null until checked
 * @param trainingCompletedOn  when the NGO's training was completed; null if not yet
 * @param supervised           whether the person receives supervision
 * @param languages            ISO 639-1 codes, e.g. da, en, ar
 * @param postcode             the Danish postcode where the person meets children
 * @param capacity             how many children the person can take one-to-one at a time
 * @param interventionCodes    the NGO's interventions the person works on
 */
public record Profile(String displayName, Kind kind, Qualification qualification,
                      ChildProtectionCertificate certificate, LocalDate trainingCompletedOn, boolean supervised,
                      List<String> languages, List<String> interests, String postcode, Set<WeeklySlot> availability,
                      int capacity, List<String> interventionCodes) {

    /** Volunteers give their free time; staff are paid by the NGO (or seconded to it). */
    public enum Kind { VOLUNTEER, STAFF }

    /** The qualification levels the evaluations distinguish. */
    public enum Qualification { PROFESSIONAL, IN_RELEVANT_EDUCATION, PERSONAL_FIT }
}
