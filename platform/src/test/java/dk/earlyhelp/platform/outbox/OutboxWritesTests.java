package dk.earlyhelp.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dk.earlyhelp.platform.test.EmbeddedInfrastructure;

/**
 * Which writes the relay hears of, through the real driver on the MongoDB-wire store: those that
 * add events to an outbox document named by {@code _id}, once the store confirmed them.
 */
class OutboxWritesTests {

    private final OutboxWrites writes = new OutboxWrites(Set.of("referrals"));
    private MongoClient client;
    private MongoCollection<Document> referrals;
    private MongoCollection<Document> other;

    @BeforeEach
    void connect() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(EmbeddedInfrastructure.mongoUri("outbox-writes")))
                .addCommandListener(writes).build());
        referrals = client.getDatabase("outbox-writes").getCollection("referrals");
        other = client.getDatabase("outbox-writes").getCollection("notifications");
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void hearsOfInsertsPushesUpsertsAndFindAndModifyThatAddEventsByIdOnly() throws Exception {
        String inserted = UUID.randomUUID().toString();
        String pushed = UUID.randomUUID().toString();
        String upserted = UUID.randomUUID().toString();
        String modified = UUID.randomUUID().toString();
        String pulled = UUID.randomUUID().toString();

        referrals.insertOne(new Document("_id", inserted).append("pendingEvents", List.of(event())));
        referrals.insertOne(new Document("_id", pushed).append("pendingEvents", List.of()));
        referrals.insertOne(new Document("_id", pulled).append("pendingEvents", List.of()));
        referrals.updateOne(Filters.eq("_id", pushed), Updates.push("pendingEvents", event()));
        referrals.updateOne(Filters.eq("_id", upserted), Updates.setOnInsert("pendingEvents", List.of(event())),
                new UpdateOptions().upsert(true));
        referrals.insertOne(new Document("_id", modified).append("status", "DRAFT"));
        referrals.findOneAndUpdate(Filters.eq("_id", modified), Updates.combine(Updates.set("status", "SUBMITTED"),
                Updates.push("pendingEvents", event())), new FindOneAndUpdateOptions());
        // Not news: the relay's own removal, a change without events, a write found by another field,
        // and another collection.
        referrals.updateOne(Filters.eq("_id", pulled), Updates.pull("pendingEvents", new Document("eventId", "x")));
        referrals.updateOne(Filters.eq("_id", inserted), Updates.set("status", "SUBMITTED"));
        referrals.updateMany(Filters.eq("status", "SUBMITTED"), Updates.push("pendingEvents", event()));
        other.insertOne(new Document("_id", UUID.randomUUID().toString()).append("pendingEvents", List.of(event())));

        List<OutboxWrites.Written> heard = new ArrayList<>();
        List<OutboxWrites.Written> batch;
        while (!(batch = writes.await(Duration.ofMillis(200))).isEmpty()) {
            heard.addAll(batch);
        }
        assertThat(heard).containsExactly(written(inserted), written(pushed), written(upserted), written(modified));
    }

    @Test
    void forgetsAWriteTheStoreRefused() throws Exception {
        String id = UUID.randomUUID().toString();
        referrals.insertOne(new Document("_id", id).append("pendingEvents", List.of(event())));
        writes.await(Duration.ofMillis(200));

        try {
            referrals.insertOne(new Document("_id", id).append("pendingEvents", List.of(event())));
        } catch (com.mongodb.MongoWriteException duplicate) {
            // refused: the id exists
        }

        assertThat(writes.await(Duration.ofMillis(300))).isEmpty();
    }

    private static OutboxWrites.Written written(String id) {
        return new OutboxWrites.Written("referrals", new BsonString(id));
    }

    private static Document event() {
        return new Document("eventId", UUID.randomUUID().toString()).append("type", "test.v1");
    }
}
