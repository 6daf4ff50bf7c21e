/** FHIR R4 export of a consent, for the municipality's own records and systems that speak FHIR. */
package dk.earlyhelp.consent.fhir;
