package dk.earlyhelp.consent.consent;

import java.time.LocalDate;
import java.util.Set;

/**
 * One use of information about a child that a decision is asked about: may this NGO use these
 * kinds of information for this purpose on this Danish day?
 *
 * @param ngoCode    the NGO asking or asked about; null names none, which no consent permits
 * @param categories the data category of every field the use involves
 */
public record IntendedUse(String ngoCode, Purpose purpose, Set<DataCategory> categories, LocalDate day) {

    public IntendedUse {
        categories = Set.copyOf(categories);
    }
}
