/** The catalogue of interventions: which NGO delivers what, to whom, in which municipalities. */
package dk.earlyhelp.ngo.catalogue;
