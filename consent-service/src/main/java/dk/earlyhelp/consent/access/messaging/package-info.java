/** Feeds the access log from {@code audit.events}. */
package dk.earlyhelp.consent.access.messaging;
