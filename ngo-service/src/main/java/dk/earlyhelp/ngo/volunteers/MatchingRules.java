package dk.earlyhelp.ngo.volunteers;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The hard rules for who may work with a child, kept apart from any store so they are checked
 * the same way wherever a child meets a person (a match, a group's leaders, a start estimate).
 * The law behind the certificate rule: whoever works with children under 15 must have a child
 * protection certificate (børneattest) before the first contact.
 */
public final class MatchingRules {

    /** Children younger than this need a person with a valid child protection certificate. */
    public static final int CERTIFICATE_REQUIRED_BELOW_AGE = 15;

    private MatchingRules() {
    }

    /**
     * Why a person may not work with a child; none means they may. DECLINED_BY_FAMILY is not a rule
     * of the person: the child's family said no to them before, so matching leaves them out for this child.
     */
    public enum Obstacle { NOT_ACTIVE, NO_VALID_CERTIFICATE, NO_FREE_CAPACITY, NOT_QUALIFIED, DECLINED_BY_FAMILY }

    /**
     * The qualification an NGO's interventions require of the people who deliver them, from the
     * catalogue's {@code volunteerQualification}: PROFESSIONAL and IN_RELEVANT_EDUCATION are levels
     * (that one or higher), TRAINED_BY_NGO means the NGO's own training completed, and
     * PERSONAL_FIT or APPROVED_NO_TRAINING ask for no more than the NGO's approval.
     *
     * @param level          the lowest level accepted
     * @param trainingByNgo  whether the NGO's training must be completed
     */
    public record RequiredQualification(Profile.Qualification level, boolean trainingByNgo) {

        public static final RequiredQualification ANY = new RequiredQualification(Profile.Qualification.PERSONAL_FIT,
                false);

        public static RequiredQualification ofCatalogue(String volunteerQualification) {
            if (volunteerQualification == null) {
                return ANY;
            }
            return switch (volunteerQualification) {
                case "PROFESSIONAL" -> new RequiredQualification(Profile.Qualification.PROFESSIONAL, false);
                case "IN_RELEVANT_EDUCATION" -> new RequiredQualification(Profile.Qualification.IN_RELEVANT_EDUCATION,
                        false);
                case "TRAINED_BY_NGO" -> new RequiredQualification(Profile.Qualification.PERSONAL_FIT, true);
                default -> ANY;
            };
        }

        public boolean metBy(Profile profile) {
            return profile.qualification() != null && profile.qualification().meets(level)
                    && (!trainingByNgo || profile.trainingCompletedOn() != null);
        }

        /** In words, for the coordinator: "IN_RELEVANT_EDUCATION or higher". */
        public String describe() {
            String levels = level == Profile.Qualification.PROFESSIONAL ? "PROFESSIONAL"
                    : level == Profile.Qualification.PERSONAL_FIT ? "any qualification" : level + " or higher";
            return trainingByNgo ? levels + " with the NGO's training completed" : levels;
        }
    }

    /** Whether the person may be matched one-to-one with a child of this age from that date. */
    public static boolean mayWorkWith(Volunteer volunteer, int childAge, LocalDate onDate) {
        return obstaclesToWorkWith(volunteer, childAge, onDate).isEmpty();
    }

    /** Active, a certificate valid on the date if the child is under 15, and room for one more child. */
    public static Set<Obstacle> obstaclesToWorkWith(Volunteer volunteer, int childAge, LocalDate onDate) {
        Set<Obstacle> obstacles = obstaclesToLead(volunteer, childAge, onDate);
        if (volunteer.freeCapacity() == 0) {
            obstacles.add(Obstacle.NO_FREE_CAPACITY);
        }
        return obstacles;
    }

    /**
     * A one-to-one match: everything {@link #obstaclesToWorkWith} checks, and the qualification the
     * NGO's interventions require.
     */
    public static Set<Obstacle> obstaclesToMatch(Volunteer volunteer, int childAge, LocalDate onDate,
            RequiredQualification required) {
        Set<Obstacle> obstacles = obstaclesToWorkWith(volunteer, childAge, onDate);
        if (!required.metBy(volunteer.profile())) {
            obstacles.add(Obstacle.NOT_QUALIFIED);
        }
        return obstacles;
    }

    /**
     * Leading a group takes no one-to-one capacity, but the person must be active and, when the
     * group's youngest age is under 15, hold a certificate valid on the start date.
     */
    public static Set<Obstacle> obstaclesToLead(Volunteer volunteer, int youngestAge, LocalDate startDate) {
        Set<Obstacle> obstacles = EnumSet.noneOf(Obstacle.class);
        if (volunteer.status() != Volunteer.Status.ACTIVE) {
            obstacles.add(Obstacle.NOT_ACTIVE);
        }
        if (!certificateCovers(volunteer, youngestAge, startDate)) {
            obstacles.add(Obstacle.NO_VALID_CERTIFICATE);
        }
        return obstacles;
    }

    /** Whether the certificate rule is met for a child of this age on that date. */
    public static boolean certificateCovers(Volunteer volunteer, int childAge, LocalDate onDate) {
        if (childAge >= CERTIFICATE_REQUIRED_BELOW_AGE) {
            return true;
        }
        ChildProtectionCertificate certificate = volunteer.profile().certificate();
        return certificate != null && certificate.validOn(onDate);
    }
}
