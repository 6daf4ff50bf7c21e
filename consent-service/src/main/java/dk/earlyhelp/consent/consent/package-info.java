/** The consent ledger: scoped consents of custody holders (and young people from 15), decisions, withdrawal. */
package dk.earlyhelp.consent.consent;
