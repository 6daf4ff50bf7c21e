package dk.earlyhelp.platform.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

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
        Span current = tracer.currentSpan();
        if (pending instanceof List<?> events && current != null) {
            Map<String, String> carrier = new HashMap<>();
            propagator.inject(current.context(), carrier, Map::put);
            String traceParent = carrier.get(TRACE_PARENT);
            for (Object event : events) {
                if (event instanceof Document stored && traceParent != null) {
                    stored.putIfAbsent(TRACE_PARENT, traceParent);
                }
            }
        }
        return entity;
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
