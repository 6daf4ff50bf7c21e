package dk.earlyhelp.ngo.volunteers.web;

import dk.earlyhelp.ngo.volunteers.Volunteer;
import jakarta.validation.constraints.NotNull;

/** The status a person moves to; the time and the coordinator are recorded with it. */
public record StatusChangeRequest(@NotNull Volunteer.Status status) {
}
