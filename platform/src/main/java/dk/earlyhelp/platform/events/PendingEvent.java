package dk.earlyhelp.platform.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event an aggregate's last change caused, stored inside the aggregate's own document (the
 * outbox) in the same atomic write as the change, and published by the relay afterwards.
 *
 * @param eventId    CloudEvents id; kept on re-publication so consumers can recognise repeats
 * @param type       logical type with version, e.g. {@code referral.submitted.v1}
 * @param key        Kafka record key (the aggregate id), so all events of one aggregate keep their order
 * @param subject    CloudEvents subject: the id of the thing the event is about
 * @param occurredAt when the change happened
 * @param data       the event data: primitive ids and codes only, never names or CPR numbers
 */
public record PendingEvent(String eventId, String type, String key, String subject, Instant occurredAt,
                           Map<String, Object> data) {

    public PendingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = Map.copyOf(data);
    }

    public static PendingEvent of(String type, String aggregateId, Instant occurredAt, Map<String, Object> data) {
        return new PendingEvent(UUID.randomUUID().toString(), type, aggregateId, aggregateId, occurredAt, data);
    }
}
