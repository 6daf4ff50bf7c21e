package dk.earlyhelp.ngo.capacity;

import java.time.LocalDate;
import java.util.List;

/**
 * One intervention's capacity as its coordinator manages it: children against places, the people
 * and what is missing. Counts and codes only: no child, no person.
 *
 * @param kind        the format (GROUP_COURSE, MENTORING, ...)
 * @param people      the NGO's people on the intervention now
 * @param recruitment what would let the waiting children start; empty when nothing is missing
 */
public record CapacityOverview(String interventionCode, String kind, int places, int occupied, int waiting,
                               int freePlaces, LocalDate expectedStart, People people, List<Need> recruitment) {

    /**
     * @param idle       active, but with no child (one-to-one) or no group to lead that has not ended
     * @param onboarding applicants and people in onboarding (vetting or training not done yet)
     */
    public record People(int active, int idle, int paused, int onboarding) {
    }

    /**
     * A recruitment signal: {@code missing} mentors (MENTORS) or seats (GROUP_SEATS) for waiting
     * children aged {@code ageMin}–{@code ageMax} in a municipality, e.g. "3 mentors speaking Arabic
     * for 10–13-year-olds in Aarhus". With children under 15 a valid child protection certificate is
     * needed; for a new group, {@code leadersAvailable} says how many idle people could lead it.
     *
     * @param languages the languages (ISO 639-1) the missing mentors must speak, one of them each;
     *                  empty when the children have no language need (and for group seats)
     */
    public record Need(Kind need, int missing, int ageMin, int ageMax, String municipalityCode, List<String> languages,
                       boolean certificateNeeded, Integer leadersAvailable) {

        public enum Kind { MENTORS, GROUP_SEATS }
    }
}
