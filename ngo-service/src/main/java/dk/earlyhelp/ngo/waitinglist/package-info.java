/**
 * The waiting list of an NGO's intervention: who waits, in which order, and when each child will
 * probably start, so coordinators can plan recruitment before a bottleneck forms.
 */
package dk.earlyhelp.ngo.waitinglist;
