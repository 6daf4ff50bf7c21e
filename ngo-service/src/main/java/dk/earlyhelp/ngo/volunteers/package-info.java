/**
 * The people who deliver the interventions: volunteers and paid staff of one NGO, with what the
 * matching rules need to know about them (status, child protection certificate, free capacity).
 */
package dk.earlyhelp.ngo.volunteers;
