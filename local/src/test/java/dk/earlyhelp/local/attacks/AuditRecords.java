package dk.earlyhelp.local.attacks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/** The services' audit records, read straight from the store as an auditor would. */
final class AuditRecords {

    private static final List<String> DATABASES = List.of("referrals", "ngo", "consent", "measurement");

    private AuditRecords() {
    }

    /** A refusal the services recorded: who, what, when. */
    record Denial(String actor, String resourceType, String resourceId, Instant at) {
    }

    /** Every refusal recorded in any service since {@code from}. */
    static List<Denial> denialsSince(int mongoPort, Instant from) {
        List<Denial> denials = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            for (String database : DATABASES) {
                for (Document record : mongo.getDatabase(database).getCollection("audit")
                        .find(Filters.and(Filters.eq("decision", "DENY"), Filters.gte("at", Date.from(from))))) {
                    denials.add(new Denial(record.getString("actor"), record.getString("resourceType"),
                            record.getString("resourceId"), record.getDate("at").toInstant()));
                }
            }
        }
        return denials;
    }

    /** The consent versions the records of one service name for reads of a resource, e.g. {@code c-1@v2}. */
    static List<String> consentsNamedFor(int mongoPort, String database, String resourceId) {
        List<String> consents = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            for (Document record : mongo.getDatabase(database).getCollection("audit")
                    .find(Filters.and(Filters.eq("resourceId", resourceId), Filters.eq("action", "READ")))) {
                consents.add(record.getString("consent"));
            }
        }
        return consents;
    }
}
