/** Outcome figures per dimension, exactly as METRICS.md §2 defines them. */
package dk.earlyhelp.measurement.outcome;
