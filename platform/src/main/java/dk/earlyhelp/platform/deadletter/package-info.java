/** Dead letters: messages a consumer gave up on, to list, count, watch and replay with their original ids. */
package dk.earlyhelp.platform.deadletter;
