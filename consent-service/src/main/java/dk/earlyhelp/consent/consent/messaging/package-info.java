/** Thin adapters from other services' topics to the consent ledger's use cases. */
package dk.earlyhelp.consent.consent.messaging;
