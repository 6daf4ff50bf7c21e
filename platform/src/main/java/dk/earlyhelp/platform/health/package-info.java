/**
 * Health of the service's own store, in a form the embedded MongoDB-wire store answers too, and the
 * 503 answer while the store cannot be reached.
 */
package dk.earlyhelp.platform.health;
