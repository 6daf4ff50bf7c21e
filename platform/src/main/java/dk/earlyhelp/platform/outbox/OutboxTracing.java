package dk.earlyhelp.platform.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * Lets one trace follow a request through its events: when an aggregate is saved with new pending
 * events, each gets the current trace context ({@code traceparent}); the relay publishes it within
 * that trace, so the consumer's log lines carry the same trace id as the request that caused them.
 */
public class OutboxTracing implements BeforeSaveCallback<Object> {

    static final String TRACE_PARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Object onBeforeSave(Object entity, Document document, String collection) {
        Object pending = document.get(OutboxRelay.PENDING_EVENTS);
        String traceParent = currentTraceParent();
        if (pending instanceof List<?> events && traceParent != null) {
            for (Object event : events) {
                if (event instanceof Document stored) {
                    stored.putIfAbsent(TRACE_PARENT, traceParent);
                }
            }
        }
        return entity;
    }

    /**
     * New events as the documents a store pushes with a targeted update (no save callback runs for
     * an update), each carrying the current trace like saved ones do.
     */
    public Object[] forUpdate(List<PendingEvent> events, MongoConverter converter) {
        String traceParent = currentTraceParent();
        return events.stream().map(event -> {
            Object stored = converter.convertToMongoType(event);
            if (stored instanceof Document document && traceParent != null) {
                document.putIfAbsent(TRACE_PARENT, traceParent);
            }
            return stored;
        }).toArray();
    }

    private String currentTraceParent() {
        Span current = tracer.currentSpan();
        if (current == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current.context(), carrier, Map::put);
        return carrier.get(TRACE_PARENT);
    }

    /** Runs the publication of one stored event inside the trace it was recorded in. */
    boolean withinTraceOf(Document event, BooleanSupplier publication) {
        if (event.getString(TRACE_PARENT) == null) {
            return publication.getAsBoolean();
        }
        Span span = propagator.extract(event, Document::getString).name("outbox publish").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return publication.getAsBoolean();
        } finally {
            span.end();
        }
    }
}
