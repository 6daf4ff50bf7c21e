/** HTTP API of erasure confirmations, for administrators and the data protection officer. */
package dk.earlyhelp.consent.erasure.web;
