package dk.earlyhelp.ngo.waitinglist;

import java.time.LocalDate;
import java.util.List;

/**
 * The waiting list of one intervention on one day.
 *
 * @param kind       the intervention's format kind (GROUP_COURSE, MENTORING, ...)
 * @param freePlaces free seats in the groups still to start, or free places with active people:
 *                   capacity that is idle while {@code entries} wait
 * @param entries    the waiting children in order, each with an estimated start
 */
public record WaitingList(String interventionCode, String kind, LocalDate today, int freePlaces,
                          List<WaitingListPlanner.Estimate> entries) {
}
