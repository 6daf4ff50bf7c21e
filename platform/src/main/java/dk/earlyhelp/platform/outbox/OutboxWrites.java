package dk.earlyhelp.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/**
 * Notices, in the store driver's commands, which outbox documents this process has just written
 * events into, so the relay publishes them at once and by id, instead of finding them by scanning
 * their collection (on the MongoDB-wire store a scan reads every document, so it costs more the
 * more referrals there are). Whatever is not noticed here (another instance's writes, a crash
 * before the publish, an update not addressed by {@code _id}) the relay's periodic scan finds.
 * A write counts only once the store confirmed it; a failed or refused one is forgotten.
 */
public final class OutboxWrites implements CommandListener {

    /** An outbox document by collection and {@code _id}, as the command named it. */
    public record Written(String collection, BsonValue id) {
    }

    private static final String PENDING_EVENTS = OutboxRelay.PENDING_EVENTS;
    /** Update operators that add events; the relay's own {@code $pull} is not news. */
    private static final Set<String> ADDING = Set.of("$push", "$addToSet", "$set", "$setOnInsert");

    private final Set<String> collections;
    private final Map<Integer, List<Written>> started = new ConcurrentHashMap<>();
    private final BlockingQueue<Written> confirmed = new LinkedBlockingQueue<>();

    public OutboxWrites(Set<String> collections) {
        this.collections = Set.copyOf(collections);
    }

    /** Waits up to {@code atMost} for the first confirmed write, then takes every one there is. */
    public List<Written> await(Duration atMost) throws InterruptedException {
        List<Written> written = new ArrayList<>();
        Written first = confirmed.poll(atMost.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
            written.add(first);
            confirmed.drainTo(written);
        }
        return written;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        List<Written> written = switch (event.getCommandName()) {
            case "update" -> updates(command.getString("update", null), command.getArray("updates", new BsonArray()));
            case "insert" -> inserts(command.getString("insert", null), command.getArray("documents", new BsonArray()));
            case "findAndModify", "findandmodify" -> findAndModify(command);
            default -> List.of();
        };
        if (!written.isEmpty()) {
            started.put(event.getRequestId(), written);
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        List<Written> written = started.remove(event.getRequestId());
        // A reply with write errors (a duplicate id, say) may have written some of a batch: the scan sorts that out.
        if (written != null && !event.getResponse().containsKey("writeErrors")) {
            confirmed.addAll(written);
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        started.remove(event.getRequestId());
    }

    private List<Written> updates(BsonString collection, BsonArray updates) {
        if (collection == null || !collections.contains(collection.getValue())) {
            return List.of();
        }
        List<Written> written = new ArrayList<>();
        for (BsonValue update : updates) {
            if (update.isDocument()) {
                addressed(collection.getValue(), update.asDocument().getDocument("q", new BsonDocument()),
                        update.asDocument().get("u"), written);
            }
        }
        return written;
    }

    private List<Written> inserts(BsonString collection, BsonArray documents) {
        if (collection == null || !collections.contains(collection.getValue())) {
            return List.of();
        }
        List<Written> written = new ArrayList<>();
        for (BsonValue document : documents) {
            if (document.isDocument() && hasEvents(document.asDocument()) && document.asDocument().containsKey("_id")) {
                written.add(new Written(collection.getValue(), document.asDocument().get("_id")));
            }
        }
        return written;
    }

    private List<Written> findAndModify(BsonDocument command) {
        BsonValue name = command.containsKey("findAndModify") ? command.get("findAndModify") : command.get("findandmodify");
        if (name == null || !name.isString() || !collections.contains(name.asString().getValue())) {
            return List.of();
        }
        List<Written> written = new ArrayList<>();
        addressed(name.asString().getValue(), command.getDocument("query", new BsonDocument()), command.get("update"),
                written);
        return written;
    }

    /** An update that adds events to the document its filter names by {@code _id}. */
    private static void addressed(String collection, BsonDocument filter, BsonValue update, List<Written> written) {
        BsonValue id = filter.get("_id");
        if (id == null || id.isDocument() || update == null || !update.isDocument()) {
            return;
        }
        BsonDocument change = update.asDocument();
        boolean adds = change.keySet().stream().anyMatch(key -> key.startsWith("$")
                ? ADDING.contains(key) && change.get(key).isDocument()
                        && change.getDocument(key).keySet().stream().anyMatch(field -> field.startsWith(PENDING_EVENTS))
                : key.equals(PENDING_EVENTS));
        if (adds) {
            written.add(new Written(collection, id));
        }
    }

    private static boolean hasEvents(BsonDocument document) {
        BsonValue events = document.get(PENDING_EVENTS);
        return events != null && events.isArray() && !events.asArray().isEmpty();
    }
}
