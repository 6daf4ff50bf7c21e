/** HTTP API of the NGO's groups. */
package dk.earlyhelp.ngo.groups.web;
