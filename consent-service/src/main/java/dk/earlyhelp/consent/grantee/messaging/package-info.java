/** Adapter from the NGO catalogue's events to the grantee names. */
package dk.earlyhelp.consent.grantee.messaging;
