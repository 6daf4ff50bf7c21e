/** HTTP API of the NGO's volunteers and staff. */
package dk.earlyhelp.ngo.volunteers.web;
