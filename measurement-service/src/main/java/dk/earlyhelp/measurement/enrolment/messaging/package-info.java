/** Adapters from {@code referral.events} and {@code ngo.events} for the enrolment read model. */
package dk.earlyhelp.measurement.enrolment.messaging;
