/** Technical plumbing every service shares; it knows no domain words (checked by an architecture test). */
package dk.earlyhelp.platform;
