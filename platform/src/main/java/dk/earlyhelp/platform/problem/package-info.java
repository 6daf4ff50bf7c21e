/** RFC 9457 problem details for every error an API returns, including those of the security layer. */
package dk.earlyhelp.platform.problem;
