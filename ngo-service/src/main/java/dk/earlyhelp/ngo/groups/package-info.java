/**
 * Group courses of an NGO: groups with a start date, an age band, a size limit and leaders, and
 * the seats waiting children are offered in them.
 */
package dk.earlyhelp.ngo.groups;
