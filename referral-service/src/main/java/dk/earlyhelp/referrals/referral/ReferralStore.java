package dk.earlyhelp.referrals.referral;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

import dk.earlyhelp.platform.outbox.OutboxTracing;

/**
 * Writes a referral's last change together with the events it caused, in one conditional update
 * of its document: the version guard rejects a change based on an old read, and the outbox relay's
 * concurrent removal of published events is never overwritten (no whole-document replace).
 */
@Component
class ReferralStore {

    private final MongoTemplate mongo;
    private final ObjectProvider<OutboxTracing> tracing;

    ReferralStore(MongoTemplate mongo, ObjectProvider<OutboxTracing> tracing) {
        this.mongo = mongo;
        this.tracing = tracing;
    }

    Referral insert(Referral referral) {
        referral.settleForInsert();
        return mongo.insert(referral);
    }

    /**
     * @param appliedEventId the consumed event that caused the change, recorded in the same write; or null
     * @throws OptimisticLockingFailureException when the referral changed since it was read, or
     *                                           already applied that event
     */
    void saveChange(Referral referral, String appliedEventId) {
        Criteria unchanged = Criteria.where("_id").is(referral.id()).and("version").is(referral.version());
        Update change = new Update()
                .set("status", referral.status())
                .set("suggestedInterventionCode", referral.suggestedInterventionCode())
                .set("expectedStart", referral.expectedStart())
                .set("child", referral.child())
                .set("custodyHolders", referral.custodyHolders())
                .set("interventionCode", referral.interventionCode())
                .set("concerns", referral.concerns())
                .set("urgency", referral.urgency())
                .set("childView", referral.childView())
                .set("currentSupport", referral.currentSupport())
                .set("overrideReason", referral.overrideReason())
                .set("overriddenCriteria", referral.overriddenCriteria())
                .set("followers", referral.followers())
                .set("consentState", referral.consentState())
                .set("consentId", referral.consentId())
                .set("sharedAt", referral.sharedAt())
                .set("progressShared", referral.progressToReferrerRecorded())
                .set("aggregatesOnly", referral.aggregatesOnlyRecorded())
                .set("needsAnotherOffer", referral.needsAnotherOffer())
                .inc("version", 1);
        if (!referral.newTimeline().isEmpty()) {
            change.push("timeline").each(referral.newTimeline().toArray());
        }
        if (!referral.newEvents().isEmpty()) {
            OutboxTracing traces = tracing.getIfAvailable();
            change.push("pendingEvents").each(traces == null ? referral.newEvents().toArray()
                    : traces.forUpdate(referral.newEvents(), mongo.getConverter()));
        }
        if (appliedEventId != null) {
            unchanged.and("appliedEvents").ne(appliedEventId);
            change.addToSet("appliedEvents", appliedEventId);
        }
        UpdateResult result = mongo.updateFirst(Query.query(unchanged), change, Referral.class);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Referral " + referral.id() + " changed meanwhile");
        }
    }
}
