/** HTTP API of the inbox. */
package dk.earlyhelp.ngo.inbox.web;
