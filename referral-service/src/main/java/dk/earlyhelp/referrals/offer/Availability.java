package dk.earlyhelp.referrals.offer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The NGO's latest estimate of an offer's capacity and of when a child referred today would start.
 *
 * @param asOf when the NGO computed it; older news never replaces newer
 */
public record Availability(int places, int freePlaces, int waiting, LocalDate expectedStart, Instant asOf) {
}
