package dk.earlyhelp.ngo.volunteers;

import java.time.LocalDate;

/**
 * A child protection certificate (børneattest) as the NGO checked it. Only the dates are kept:
 * what matters for matching is whether it covers a given day.
 *
 * @param checkedOn  when the NGO obtained and checked it
 * @param validUntil until when the NGO accepts it before asking for a new one
 */
public record ChildProtectionCertificate(LocalDate checkedOn, LocalDate validUntil) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(checkedOn) && !day.isAfter(validUntil);
    }
}
