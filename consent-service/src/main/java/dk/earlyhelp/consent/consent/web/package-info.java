/** HTTP API of the consent ledger. */
package dk.earlyhelp.consent.consent.web;
