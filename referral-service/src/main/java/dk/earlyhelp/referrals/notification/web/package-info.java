/** HTTP adapter of the referrer's notifications. */
package dk.earlyhelp.referrals.notification.web;
