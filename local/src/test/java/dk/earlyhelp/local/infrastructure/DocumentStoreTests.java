package dk.earlyhelp.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTests {

    private final DocumentStore store = new DocumentStore();

    @TempDir
    Path dir;

    @AfterEach
    void stopStore() {
        store.stop();
    }

    @Test
    void keepsDocumentsAcrossRestart() {
        Path file = dir.resolve("data/documents.mv.db");
        store.start(file, 0);
        int port = store.port();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            referrals(client).insertOne(new Document("_id", "r-1").append("child", "Alma"));
        }

        store.stop();
        store.start(file, port);

        assertThat(store.connectionString()).endsWith(":" + port);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            Document found = referrals(client).find(Filters.eq("_id", "r-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("child")).isEqualTo("Alma");
        }
    }

    @Test
    void uniqueIndexRejectsDuplicateEvenAfterRestart() {
        Path file = dir.resolve("documents.mv.db");
        store.start(file, 0);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            referrals(client).createIndex(Indexes.ascending("caseNumber"), new IndexOptions().unique(true));
            referrals(client).insertOne(new Document("caseNumber", "K-1"));

            assertThatDuplicateIsRejected(referrals(client));
        }

        store.stop();
        store.start(file, 0);

        try (MongoClient client = MongoClients.create(store.connectionString())) {
            assertThatDuplicateIsRejected(referrals(client));
            assertThat(referrals(client).countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void keepsDocumentsInMemoryWhenNoFileIsGiven() {
        store.start(null, 0);

        try (MongoClient client = MongoClients.create(store.connectionString())) {
            referrals(client).insertOne(new Document("_id", "r-2"));
            assertThat(referrals(client).countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void hasNoConnectionStringWhenNotRunning() {
        assertThatThrownBy(store::connectionString).isInstanceOf(IllegalStateException.class);
    }

    private static void assertThatDuplicateIsRejected(MongoCollection<Document> referrals) {
        assertThatThrownBy(() -> referrals.insertOne(new Document("caseNumber", "K-1")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static MongoCollection<Document> referrals(MongoClient client) {
        return client.getDatabase("earlyhelp").getCollection("referrals");
    }
}
