/** Health of the service's own store, in a form the embedded MongoDB-wire store answers too. */
package dk.earlyhelp.platform.health;
