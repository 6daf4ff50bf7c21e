/** Listens to the consent service's events that oblige this service to erase. */
package dk.earlyhelp.ngo.erasure.messaging;
