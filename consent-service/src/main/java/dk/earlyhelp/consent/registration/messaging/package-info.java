/** The adapter from {@code ngo.events} for the children NGOs registered themselves. */
package dk.earlyhelp.consent.registration.messaging;
