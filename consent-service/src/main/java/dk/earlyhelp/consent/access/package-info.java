/**
 * The access report (CONSENT.md rule 11): who read which categories of a child's data, when and for
 * which purpose, kept per child from the audit events of every service.
 */
package dk.earlyhelp.consent.access;
