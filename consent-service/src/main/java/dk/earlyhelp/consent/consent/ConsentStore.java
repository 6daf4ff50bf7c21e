package dk.earlyhelp.consent.consent;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes a consent's change and the events it caused in one conditional update of its document,
 * guarded by its version; the relay's removal of published events is never overwritten.
 */
@Component
class ConsentStore {

    private final MongoTemplate mongo;

    ConsentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Consent insert(Consent consent) {
        return mongo.insert(consent);
    }

    void saveChange(Consent consent) {
        Update change = new Update().set("status", consent.status()).set("grantors", consent.grantors())
                .set("withdrawnAt", consent.withdrawnAt()).inc("version", 1);
        if (!consent.newEvents().isEmpty()) {
            change.push("pendingEvents").each(consent.newEvents().toArray());
        }
        Query unchanged = Query.query(Criteria.where("_id").is(consent.id()).and("version").is(consent.version()));
        if (mongo.updateFirst(unchanged, change, Consent.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Consent " + consent.id() + " changed meanwhile");
        }
    }
}
