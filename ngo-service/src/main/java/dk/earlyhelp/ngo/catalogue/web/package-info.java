/** HTTP API of the catalogue. */
package dk.earlyhelp.ngo.catalogue.web;
