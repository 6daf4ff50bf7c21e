/** The API door: bearer-token requests under /api, validated here and routed to the owning service. */
package dk.earlyhelp.gateway.api;
