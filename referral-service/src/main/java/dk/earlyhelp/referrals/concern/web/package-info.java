/** The HTTP API of notifications of concern. */
package dk.earlyhelp.referrals.concern.web;
