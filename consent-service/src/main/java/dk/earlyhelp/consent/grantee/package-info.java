/** The names people see for a consent's grantees (NGO and intervention), kept from the NGO catalogue's events. */
package dk.earlyhelp.consent.grantee;
