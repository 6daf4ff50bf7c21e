package dk.earlyhelp.consent.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dk.earlyhelp.platform.events.PendingEvent;
import dk.earlyhelp.platform.idempotency.AppliedEvents;
import dk.earlyhelp.platform.outbox.OutboxTracing;

/**
 * Writes a consent's change and the events it caused in one conditional update of its document,
 * guarded by its version; the relay's removal of published events is never overwritten.
 */
@Component
public class ConsentStore {

    private static final String COLLECTION = "consents";
    /** Waiting referrals' questions that no consent permitted when they were asked. */
    private static final String QUESTIONS_ANSWERED_NO = "referralQuestionsAnsweredNo";

    private final MongoTemplate mongo;
    private final ObjectProvider<OutboxTracing> tracing;

    ConsentStore(MongoTemplate mongo, ObjectProvider<OutboxTracing> tracing) {
        this.mongo = mongo;
        this.tracing = tracing;
    }

    Consent insert(Consent consent) {
        Consent inserted = mongo.insert(consent);
        consent.versionsWritten();
        return inserted;
    }

    public Optional<Consent> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Consent.class));
    }

    /** Whether a consent about the child exists: one this municipality recorded itself, or (null) any at all. */
    public boolean existsForChild(String childId, String municipalityCode) {
        Criteria ofChild = Criteria.where("childId").is(childId);
        if (municipalityCode != null) {
            // A consent an NGO recorded for a child it registered is not the municipality's to read by.
            ofChild = ofChild.and("municipalityCode").is(municipalityCode).and("registeredBy").is(null);
        }
        return mongo.exists(Query.query(ofChild), Consent.class);
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

    /** Active consents whose last day was before {@code day}: due to expire. */
    public List<Consent> activeEndedBefore(LocalDate day) {
        return mongo.find(Query.query(Criteria.where("status").is(ConsentStatus.ACTIVE).and("validUntil").lt(day)),
                Consent.class);
    }

    /** Consents that ended while active and wait for an erasure confirmation (or did not look complete yet). */
    public List<Consent> awaitingErasureConfirmation() {
        return mongo.find(Query.query(Criteria.where("erasureExpected").ne(null).and("erasureConfirmed").ne(true)),
                Consent.class);
    }

    /** Consents that expect erasure confirmations, of one municipality or (null) of all. */
    public List<Consent> expectingErasure(String municipalityCode) {
        Criteria expecting = Criteria.where("erasureExpected").ne(null);
        if (municipalityCode != null) {
            expecting = expecting.and("municipalityCode").is(municipalityCode);
        }
        return mongo.find(Query.query(expecting), Consent.class);
    }

    /**
     * Records a service's erasure confirmation once per event id: the confirmation and the event id
     * land in one conditional update, which a repeat does not match. Not a change of the consent, so
     * its version stays (the update goes by collection name: the template would raise it).
     *
     * @return false when this event was recorded before, or no consent has this id and child
     */
    public boolean recordErasureConfirmation(String consentId, String childId, String eventId,
            ErasureConfirmation confirmation) {
        Query notYet = AppliedEvents.notYetApplied(consentId, eventId).addCriteria(Criteria.where("childId").is(childId));
        Update push = AppliedEvents.recording(eventId, new Update().push("erasureConfirmations",
                new Document("service", confirmation.service()).append("at", Date.from(confirmation.at()))
                        .append("itemsErased", confirmation.itemsErased())));
        return mongo.updateFirst(notYet, push, COLLECTION).getMatchedCount() > 0;
    }

    /**
     * Puts a confirmation of an active consent in its outbox once per question (event id): the
     * event and the id land in one conditional update, which a repeat does not match. Not a change
     * of the consent, so its version stays; a consent no longer active meanwhile matches nothing.
     *
     * @return false when this question was answered before, or the consent is not active now
     */
    public boolean recordConfirmation(String consentId, String eventId, PendingEvent confirmation) {
        Query notYet = AppliedEvents.notYetApplied(consentId, eventId)
                .addCriteria(Criteria.where("status").is(ConsentStatus.ACTIVE));
        Update push = AppliedEvents.recording(eventId, new Update().push("pendingEvents", confirmation));
        return mongo.updateFirst(notYet, push, Consent.class).getMatchedCount() > 0;
    }

    /**
     * Whether a waiting referral's question (its event id) was answered before: confirmed on a
     * consent ({@link #recordConfirmation}), or answered no ({@link #rememberAnsweredNo}). A
     * redelivered question is then not decided again, so it changes nothing.
     */
    public boolean answeredBefore(String questionEventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(questionEventId)), QUESTIONS_ANSWERED_NO)
                || mongo.exists(Query.query(Criteria.where(AppliedEvents.FIELD).is(questionEventId)), Consent.class);
    }

    /** Remembers a question no consent permitted (ids only); a repeat finds it there. */
    public void rememberAnsweredNo(String questionEventId, String referralId, Instant at) {
        try {
            mongo.insert(new Document("_id", questionEventId).append("referralId", referralId)
                    .append("at", Date.from(at)), QUESTIONS_ANSWERED_NO);
        } catch (DuplicateKeyException answeredMeanwhile) {
            // Another delivery of the same question got here first: the same answer.
        }
    }

    /** Every expected service has confirmed; confirmations only ever add, so this stays true. */
    public void erasureConfirmed(String consentId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(consentId)), new Update().set("erasureConfirmed", true),
                COLLECTION);
    }

    /** Marks the missing confirmation as alerted; true only for the first caller, so one alert per consent. */
    public boolean erasureAlerted(String consentId, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(consentId).and("erasureAlertedAt").is(null)),
                new Update().set("erasureAlertedAt", Date.from(at)), COLLECTION).getMatchedCount() > 0;
    }

    /**
     * Throws {@link OptimisticLockingFailureException} when the consent changed since it was read.
     * The erasure confirmations are not written here, so a stale copy never overwrites them.
     */
    public void saveChange(Consent consent) {
        Update change = new Update().set("status", consent.status()).set("grantors", consent.grantors())
                .set("withdrawnAt", consent.withdrawnAt()).set("expiredAt", consent.expiredAt())
                .set("refused", consent.refused()).set("refusedBy", consent.refusedBy())
                .set("erasureExpected", consent.expectedConfirmations().isEmpty() ? null : consent.expectedConfirmations())
                .set("invitations", consent.invitations()).inc("version", 1);
        if (!consent.newVersions().isEmpty()) {
            // Appended, never set: a version once written is not rewritten.
            change.push("versions").each(consent.newVersions().stream().map(mongo.getConverter()::convertToMongoType)
                    .toArray());
        }
        if (!consent.newEvents().isEmpty()) {
            OutboxTracing traces = tracing.getIfAvailable();
            change.push("pendingEvents").each(traces == null ? consent.newEvents().toArray()
                    : traces.forUpdate(consent.newEvents(), mongo.getConverter()));
        }
        Query unchanged = Query.query(Criteria.where("_id").is(consent.id()).and("version").is(consent.version()));
        if (mongo.updateFirst(unchanged, change, Consent.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Consent " + consent.id() + " changed meanwhile");
        }
        consent.versionsWritten();
    }
}
