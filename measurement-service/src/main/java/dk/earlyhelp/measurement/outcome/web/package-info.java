/** HTTP API of the outcome figures. */
package dk.earlyhelp.measurement.outcome.web;
