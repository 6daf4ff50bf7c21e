/** Relays events stored inside aggregate documents to Kafka, at least once, in order per key. */
package dk.earlyhelp.platform.outbox;
