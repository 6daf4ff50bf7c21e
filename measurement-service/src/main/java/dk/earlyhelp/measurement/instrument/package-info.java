/** The shared well-being questionnaire: dimensions, their items and which direction is better. */
package dk.earlyhelp.measurement.instrument;
