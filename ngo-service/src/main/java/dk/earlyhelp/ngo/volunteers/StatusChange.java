package dk.earlyhelp.ngo.volunteers;

import java.time.Instant;

/** One step in a person's history with the NGO: the status, when, and who recorded it. */
public record StatusChange(Volunteer.Status status, Instant at, String by) {
}
