/** HTTP API of the FHIR export: a consent as a FHIR R4 Consent resource in {@code application/fhir+json}. */
package dk.earlyhelp.consent.fhir.web;
