/** The adapter from {@code consent.events}. */
package dk.earlyhelp.measurement.consent.messaging;
