package dk.earlyhelp.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the {@code pendingEvents} stored inside aggregate documents, oldest first per document,
 * and removes each one only after the broker acknowledged it (synchronous send, acks=all). A crash
 * between the send and the removal publishes the event again with the same {@code ce_id}:
 * delivery is at least once, and consumers are idempotent.
 */
public class OutboxRelay {

    static final String PENDING_EVENTS = "pendingEvents";
    /** The exit code of a JVM halted by fault injection, so a test can tell it from other exits. */
    public static final int FAULT_HALT_EXIT_CODE = 86;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final StreamBridge streamBridge;
    private final JsonMapper json;
    private final OutboxProperties properties;
    private final OutboxTracing tracing;

    /** @param tracing continues each event's recorded trace; null where tracing is off */
    public OutboxRelay(MongoTemplate mongo, StreamBridge streamBridge, JsonMapper json, OutboxProperties properties,
            OutboxTracing tracing) {
        this.mongo = mongo;
        this.streamBridge = streamBridge;
        this.json = json;
        this.properties = properties;
        this.tracing = tracing;
    }

    /** Publishes everything pending now; returns how many events went out. */
    public int relayPending() {
        int published = 0;
        for (OutboxProperties.Outbox outbox : properties.outboxes()) {
            Query withPending = Query.query(Criteria.where(PENDING_EVENTS + ".0").exists(true)).limit(500);
            withPending.fields().include(PENDING_EVENTS);
            for (Document aggregate : mongo.find(withPending, Document.class, outbox.collection())) {
                published += publishInOrder(outbox, aggregate);
            }
        }
        return published;
    }

    /**
     * Publishes the pending events of documents this process just wrote ({@link OutboxWrites}),
     * reading each by id: no scan. Returns how many events went out.
     */
    public int relayWritten(Collection<OutboxWrites.Written> written) {
        int published = 0;
        for (OutboxWrites.Written document : new LinkedHashSet<>(written)) {
            OutboxProperties.Outbox outbox = properties.outboxes().stream()
                    .filter(candidate -> candidate.collection().equals(document.collection())).findFirst().orElse(null);
            if (outbox == null) {
                continue;
            }
            Document aggregate = mongo.getCollection(outbox.collection())
                    .find(new BsonDocument("_id", document.id()))
                    .projection(new Document(PENDING_EVENTS, 1)).first();
            if (aggregate != null && !aggregate.getList(PENDING_EVENTS, Document.class, List.of()).isEmpty()) {
                published += publishInOrder(outbox, aggregate);
            }
        }
        return published;
    }

    /** Events still waiting for the broker, across all outboxes. */
    public long pendingCount() {
        long pending = 0;
        for (OutboxProperties.Outbox outbox : properties.outboxes()) {
            pending += mongo.getCollection(outbox.collection())
                    .countDocuments(new Document(PENDING_EVENTS + ".0", new Document("$exists", true)));
        }
        return pending;
    }

    private int publishInOrder(OutboxProperties.Outbox outbox, Document aggregate) {
        int published = 0;
        List<Document> events = aggregate.getList(PENDING_EVENTS, Document.class);
        for (Document event : events) {
            haltIfInjected(OutboxProperties.FaultHalt.BEFORE_PUBLISH, event);
            // Stop at the first failure so later events of this aggregate never overtake it.
            boolean sent = tracing == null ? send(outbox.binding(), event)
                    : tracing.withinTraceOf(event, () -> send(outbox.binding(), event));
            if (!sent) {
                return published;
            }
            haltIfInjected(OutboxProperties.FaultHalt.AFTER_PUBLISH, event);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregate.get("_id"))),
                    new Update().pull(PENDING_EVENTS, new Document("eventId", event.getString("eventId"))),
                    outbox.collection());
            published++;
        }
        return published;
    }

    /**
     * The fault-tolerance tests' crash: {@code Runtime.halt} skips shutdown hooks and graceful
     * shutdown, so the process dies as it would from a power cut or {@code kill -9} at this point.
     */
    private void haltIfInjected(OutboxProperties.FaultHalt point, Document event) {
        if (properties.faultHalt() == point) {
            log.error("Fault injection (earlyhelp.outbox.fault-halt={}): halting at event {}", point,
                    event.getString("eventId"));
            Runtime.getRuntime().halt(FAULT_HALT_EXIT_CODE);
        }
    }

    private boolean send(String binding, Document event) {
        try {
            if (streamBridge.send(binding, toMessage(event))) {
                return true;
            }
            log.warn("Broker did not accept event {} of type {}; will retry", event.getString("eventId"),
                    event.getString("type"));
        } catch (RuntimeException e) {
            log.warn("Publishing event {} of type {} failed; will retry: {}", event.getString("eventId"),
                    event.getString("type"), e.toString());
        }
        return false;
    }

    private Message<byte[]> toMessage(Document event) {
        Map<String, Object> data = event.get("data", Document.class);
        byte[] payload = json.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
        String key = event.getString("key");
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.ID, event.getString("eventId"))
                .setHeader(CloudEventHeaders.TYPE, event.getString("type"))
                .setHeader(CloudEventHeaders.SOURCE, properties.source())
                .setHeader(CloudEventHeaders.SUBJECT, event.getString("subject"))
                .setHeader(CloudEventHeaders.TIME, event.getDate("occurredAt").toInstant().toString())
                .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE)
                .setHeader(CloudEventHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
    }
}
