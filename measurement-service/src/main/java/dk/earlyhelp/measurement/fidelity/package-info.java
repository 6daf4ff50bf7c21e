/**
 * Fidelity: whether an intervention with a manual was delivered as described, answered 1..5 by
 * those who deliver it, and its mean per intervention and period (METRICS.md §4).
 */
package dk.earlyhelp.measurement.fidelity;
