package dk.earlyhelp.consent.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dk.earlyhelp.platform.outbox.OutboxTracing;

/**
 * Writes a consent's change and the events it caused in one conditional update of its document,
 * guarded by its version; the relay's removal of published events is never overwritten.
 */
@Component
public class ConsentStore {

    private final MongoTemplate mongo;
    private final ObjectProvider<OutboxTracing> tracing;

    ConsentStore(MongoTemplate mongo, ObjectProvider<OutboxTracing> tracing) {
        this.mongo = mongo;
        this.tracing = tracing;
    }

    Consent insert(Consent consent) {
        return mongo.insert(consent);
    }

    public Optional<Consent> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Consent.class));
    }

    /** The consent one of whose personal links has this secret's hash. */
    public Optional<Consent> findByInvitationTokenHash(String tokenHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("invitations.tokenHash").is(tokenHash)),
                Consent.class));
    }

    /** Consents with a withdrawal link whose mail has not gone out and was last tried before {@code before}. */
    public List<Consent> withUnsentWithdrawalLinks(Instant before) {
        return mongo.find(Query.query(Criteria.where("invitations").elemMatch(Criteria.where("kind")
                .is(Invitation.Kind.WITHDRAW).and("sentAt").is(null).and("email").ne(null)
                .and("mailTriedAt").lt(before))), Consent.class);
    }

    /** Consents that still hold an e-mail address of a personal link. */
    public List<Consent> withEmails() {
        return mongo.find(Query.query(Criteria.where("invitations").elemMatch(Criteria.where("email").ne(null))),
                Consent.class);
    }

    /** Throws {@link OptimisticLockingFailureException} when the consent changed since it was read. */
    public void saveChange(Consent consent) {
        Update change = new Update().set("status", consent.status()).set("grantors", consent.grantors())
                .set("withdrawnAt", consent.withdrawnAt()).set("refused", consent.refused())
                .set("refusedBy", consent.refusedBy()).set("invitations", consent.invitations()).inc("version", 1);
        if (!consent.newEvents().isEmpty()) {
            OutboxTracing traces = tracing.getIfAvailable();
            change.push("pendingEvents").each(traces == null ? consent.newEvents().toArray()
                    : traces.forUpdate(consent.newEvents(), mongo.getConverter()));
        }
        Query unchanged = Query.query(Criteria.where("_id").is(consent.id()).and("version").is(consent.version()));
        if (mongo.updateFirst(unchanged, change, Consent.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Consent " + consent.id() + " changed meanwhile");
        }
    }
}
