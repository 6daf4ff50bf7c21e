package dk.earlyhelp.consent.consent.web;

import java.time.Instant;

import dk.earlyhelp.consent.consent.ErasureConfirmation;

/** A receiving service confirmed it erased what it received under the consent, and how many items. */
public record ConfirmationResponse(String service, Instant at, Integer itemsErased) {

    public static ConfirmationResponse of(ErasureConfirmation confirmation) {
        return new ConfirmationResponse(confirmation.service(), confirmation.at(), confirmation.itemsErased());
    }
}
