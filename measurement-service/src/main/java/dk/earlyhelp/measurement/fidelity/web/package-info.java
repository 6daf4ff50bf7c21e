/** HTTP API of the fidelity figures. */
package dk.earlyhelp.measurement.fidelity.web;
