/** Who is calling: the role, organisation and partnerships read from a validated JWT. */
package dk.earlyhelp.platform.security;
