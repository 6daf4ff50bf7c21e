package dk.earlyhelp.ngo.groups.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The referral of the waiting child who is offered a seat. */
public record SeatRequest(@NotBlank @Size(max = 60) String referralId) {
}
