package dk.earlyhelp.ngo.catalogue;

/**
 * How an intervention is delivered: a fixed group course, a mentoring course or counselling
 * composed to the child's needs. Absent fields are not given by the catalogue.
 *
 * @param kind             GROUP_COURSE, COURSE, MENTORING or COUNSELLING
 * @param sessions         sessions of a fixed course
 * @param sessionEveryDays days between two sessions
 * @param durationWeeks    length of the course, where the catalogue gives it directly
 * @param maxSessions      upper bound of composed counselling
 * @param note             the catalogue's description, for people
 */
public record Format(String kind, Integer sessions, Integer sessionEveryDays, Integer durationWeeks,
                     Integer maxSessions, Integer groupSizeMax, Integer meetingsPerMonthMin, Integer meetingHours,
                     String note) {

    public static final String GROUP_COURSE = "GROUP_COURSE";

    /** A fixed course run as groups with a start date, so children wait for a seat rather than a person. */
    public boolean groupCourse() {
        return GROUP_COURSE.equals(kind);
    }
}
