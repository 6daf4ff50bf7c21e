package dk.earlyhelp.platform.idempotency;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Makes a consumer idempotent on a store without transactions: the handler's effect and the record
 * that the event was applied land in the same document, in one conditional update. A repeat of the
 * same {@code ce_id} matches no document and changes nothing.
 */
public final class AppliedEvents {

    public static final String FIELD = "appliedEvents";

    private AppliedEvents() {
    }

    /** Matches the document with this id only if it has not applied the event yet. */
    public static Query notYetApplied(Object documentId, String eventId) {
        return Query.query(Criteria.where("_id").is(documentId).and(FIELD).ne(eventId));
    }

    /** Adds the bookkeeping to an update that carries the event's effect. */
    public static Update recording(String eventId, Update effect) {
        return effect.addToSet(FIELD, eventId);
    }
}
