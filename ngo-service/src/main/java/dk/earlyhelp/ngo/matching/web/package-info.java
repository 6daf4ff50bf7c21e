/** HTTP API of matching. */
package dk.earlyhelp.ngo.matching.web;
