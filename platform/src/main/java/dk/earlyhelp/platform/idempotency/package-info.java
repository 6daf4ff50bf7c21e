/** Conditional single-document updates that apply an event's effect at most once. */
package dk.earlyhelp.platform.idempotency;
