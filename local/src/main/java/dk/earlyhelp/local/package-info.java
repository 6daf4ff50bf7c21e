/**
 * The one-command local run mode: an in-process Kafka broker and MongoDB-wire store, the services
 * and the gateway as child processes, and a clear "ready" line.
 */
package dk.earlyhelp.local;
