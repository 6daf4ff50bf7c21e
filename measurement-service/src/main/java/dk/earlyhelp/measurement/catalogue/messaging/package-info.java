/** The adapter from {@code ngo.events} for the catalogue read model. */
package dk.earlyhelp.measurement.catalogue.messaging;
