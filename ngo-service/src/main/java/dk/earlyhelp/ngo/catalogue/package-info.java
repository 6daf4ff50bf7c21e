/**
 * The catalogue of interventions: which NGO delivers what, to whom, in which municipalities, under
 * which partnership terms (with their history); kept by the platform's administrator.
 */
package dk.earlyhelp.ngo.catalogue;
