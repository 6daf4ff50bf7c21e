/** The whole system's health as the gateway sees it: each service's readiness. */
package dk.earlyhelp.gateway.health;
