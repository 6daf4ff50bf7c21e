/** HTTP API for importing responses. */
package dk.earlyhelp.measurement.response.web;
