/**
 * What measurement-service knows of the NGO catalogue: for each intervention its NGO, the
 * municipalities of its partnerships, its intervention types, the dimensions it measures and
 * whether it follows a manual. A read model kept from {@code ngo.intervention-published.v1};
 * imports are checked against it and outcome filters by NGO and type use it.
 */
package dk.earlyhelp.measurement.catalogue;
