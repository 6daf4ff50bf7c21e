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
 * @param childPreferences     the children the person would rather work with; null: no preference
 * @param login                the subject of the person's user account, so a volunteer who signs in
 *                             sees their own children; null while they have none
 */
public record Profile(String displayName, Kind kind, Qualification qualification,
                      ChildProtectionCertificate certificate, LocalDate trainingCompletedOn, boolean supervised,
                      List<String> languages, List<String> interests, String postcode, Set<WeeklySlot> availability,
                      int capacity, List<String> interventionCodes, ChildPreferences childPreferences, String login) {

    /** Volunteers give their free time; staff are paid by the NGO (or seconded to it). */
    public enum Kind { VOLUNTEER, STAFF }

    /** The qualification levels the evaluations distinguish, highest first. */
    public enum Qualification {
        PROFESSIONAL, IN_RELEVANT_EDUCATION, PERSONAL_FIT;

        /** Whether this level is the required one or higher. */
        public boolean meets(Qualification required) {
            return ordinal() <= required.ordinal();
        }
    }

    /**
     * A person's wishes about the children they work with, weighed (never enforced) when matching.
     *
     * @param ageMin  youngest age the person prefers; null: no lower bound
     * @param ageMax  oldest age the person prefers; null: no upper bound
     * @param genders the genders (GIRL, BOY, OTHER) the person prefers; empty: any
     */
    public record ChildPreferences(Integer ageMin, Integer ageMax, List<String> genders) {

        public ChildPreferences {
            genders = genders == null ? List.of() : List.copyOf(genders);
        }

        public boolean hasAgeBand() {
            return ageMin != null || ageMax != null;
        }
    }
}
