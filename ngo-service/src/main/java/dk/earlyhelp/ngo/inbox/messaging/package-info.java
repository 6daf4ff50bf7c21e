/** Listens to other services' events that concern the inbox. */
package dk.earlyhelp.ngo.inbox.messaging;
