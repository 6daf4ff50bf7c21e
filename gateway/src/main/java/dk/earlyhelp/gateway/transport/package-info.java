/** How browsers must reach the gateway: only over HTTPS once they have seen it there (HSTS). */
package dk.earlyhelp.gateway.transport;
