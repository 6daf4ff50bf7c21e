/** HTTP API of the access report: for staff and the data protection officer, and through a custody holder's link. */
package dk.earlyhelp.consent.access.web;
