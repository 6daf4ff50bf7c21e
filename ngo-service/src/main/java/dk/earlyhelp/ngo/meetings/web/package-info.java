/** HTTP API of meetings, the volunteer's own children and the coordinator's no-contact alerts. */
package dk.earlyhelp.ngo.meetings.web;
