/**
 * Personal links (CONSENT.md rule 5): staff mail a grantor a single-use link to give or refuse a
 * consent, and after giving a link to withdraw it; the link's secret is the only authentication.
 */
package dk.earlyhelp.consent.link;
