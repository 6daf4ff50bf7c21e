/**
 * Matching a waiting child with one of the NGO's people for a one-to-one offer: ranked proposals
 * with their reasons, and the coordinator's confirmation, which takes one of the person's places.
 */
package dk.earlyhelp.ngo.matching;
