/** HTTP API of the waiting list. */
package dk.earlyhelp.ngo.waitinglist.web;
