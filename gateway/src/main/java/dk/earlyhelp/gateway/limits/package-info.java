/**
 * What one caller may ask of the gateway: requests a second (token buckets per user, client or
 * address) and the size of a request body, both refused with problem details before any work is done.
 */
package dk.earlyhelp.gateway.limits;
