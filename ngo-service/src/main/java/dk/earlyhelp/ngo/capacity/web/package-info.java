/** HTTP API of the coordinator's capacity view. */
package dk.earlyhelp.ngo.capacity.web;
