/**
 * Running a one-to-one course: the matched volunteer logs meetings and sees only their own
 * children, and the coordinator is alerted when a mentor has had no contact with a child for too long.
 */
package dk.earlyhelp.ngo.meetings;
