/**
 * Matching a waiting child with one of the NGO's people for a one-to-one offer: ranked proposals
 * with their reasons, the coordinator's confirmation, which takes one of the person's places and
 * proposes the match to the family, and the family's answer as the coordinator records it.
 */
package dk.earlyhelp.ngo.matching;
