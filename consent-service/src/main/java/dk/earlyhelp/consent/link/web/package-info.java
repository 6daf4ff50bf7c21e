/** HTTP API of personal links: staff send them; their holders use them without an account, by the link's secret. */
package dk.earlyhelp.consent.link.web;
