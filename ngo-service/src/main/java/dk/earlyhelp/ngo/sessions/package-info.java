/**
 * Running a group course: the group's leaders (and the NGO's coordinators) log each session held,
 * with which of the seated children came, and a leader sees the groups they lead.
 */
package dk.earlyhelp.ngo.sessions;
