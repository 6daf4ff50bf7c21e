/** HTTP API of the operations figures. */
package dk.earlyhelp.measurement.operations.web;
