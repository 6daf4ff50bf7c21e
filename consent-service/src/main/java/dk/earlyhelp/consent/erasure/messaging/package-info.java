/** Adapter from the receiving services' events to the erasure confirmations. */
package dk.earlyhelp.consent.erasure.messaging;
