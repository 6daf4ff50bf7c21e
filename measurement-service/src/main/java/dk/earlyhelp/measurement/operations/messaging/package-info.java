/** Adapters from {@code referral.events} and {@code ngo.events} for the operations read model. */
package dk.earlyhelp.measurement.operations.messaging;
