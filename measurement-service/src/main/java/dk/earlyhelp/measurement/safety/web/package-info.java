/** HTTP API of concern tasks for the NGO's coordinators (and escalated ones for administrators). */
package dk.earlyhelp.measurement.safety.web;
