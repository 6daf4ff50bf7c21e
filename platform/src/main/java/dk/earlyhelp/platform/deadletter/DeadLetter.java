package dk.earlyhelp.platform.deadletter;

import java.time.Instant;

/**
 * One message on a dead-letter topic: where it came from, what it was and why it failed. The
 * payload is not shown: it may describe a child.
 */
public record DeadLetter(String topic, int partition, long offset, String originalTopic, String key, String type,
                         String eventId, String failure, Instant deadAt) {
}
