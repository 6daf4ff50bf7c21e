/** CloudEvents attributes carried as Kafka headers, and the event envelope stored in an aggregate's outbox. */
package dk.earlyhelp.platform.events;
