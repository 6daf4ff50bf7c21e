package dk.earlyhelp.consent.consent;

import java.time.Instant;

/**
 * A receiving service's word that it erased (or made anonymous) what it received under a consent
 * that ended (CONSENT.md rule 5).
 *
 * @param service     the confirming service, e.g. {@code ngo-service}
 * @param at          when it erased, as it says
 * @param itemsErased how many items it erased or made anonymous; null when it did not say
 */
public record ErasureConfirmation(String service, Instant at, Integer itemsErased) {
}
