/**
 * Safety first: a child's answers that meet the instrument's safety rule raise a concern task for
 * the NGO's coordinators at once, whatever the consent state (the duty to notify overrides consent):
 * hold an individual conversation within 2 working days and decide on a notification of concern.
 * A task not acknowledged in time is escalated.
 */
package dk.earlyhelp.measurement.safety;
