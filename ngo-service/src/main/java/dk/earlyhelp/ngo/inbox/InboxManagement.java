package dk.earlyhelp.ngo.inbox;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.InterventionRepository;
import dk.earlyhelp.platform.idempotency.AppliedEvents;
import dk.earlyhelp.platform.security.Caller;

/** Use cases of the inbox: receive referrals from the municipalities, list them for the NGO's coordinators. */
@Service
public class InboxManagement {

    private static final Logger log = LoggerFactory.getLogger(InboxManagement.class);

    private final MongoTemplate mongo;
    private final InterventionRepository interventions;
    private final Clock clock;

    InboxManagement(MongoTemplate mongo, InterventionRepository interventions, Clock clock) {
        this.mongo = mongo;
        this.interventions = interventions;
        this.clock = clock;
    }

    /**
     * Puts a submitted referral in the inbox of the NGO that delivers the intervention. Effect and
     * bookkeeping land in one conditional upsert, so a redelivered event changes nothing.
     *
     * @return whether this call applied the event (false for a repeat)
     */
    public boolean receive(String eventId, SubmittedReferral referral) {
        String ngoCode = interventions.findById(referral.interventionCode()).map(Intervention::ngoCode).orElse(null);
        if (ngoCode == null) {
            log.warn("Referral {} names intervention {}, which is not in the catalogue", referral.referralId(),
                    referral.interventionCode());
        }
        Update effect = new Update()
                .setOnInsert("status", "RECEIVED")
                .setOnInsert("receivedAt", clock.instant())
                .set("ngoCode", ngoCode)
                .set("interventionCode", referral.interventionCode())
                .set("municipalityCode", referral.municipalityCode())
                .set("childId", referral.childId())
                .set("childAge", referral.childAge())
                .set("childGender", referral.childGender())
                .set("concerns", referral.concerns())
                .set("urgency", referral.urgency())
                .set("submittedAt", referral.occurredAt());
        try {
            mongo.upsert(AppliedEvents.notYetApplied(referral.referralId(), eventId),
                    AppliedEvents.recording(eventId, effect), InboxReferral.class);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    /** The caller's NGO's inbox, most urgent first, then oldest first. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public List<InboxReferral> inbox(Caller caller) {
        List<InboxReferral> referrals = mongo.find(Query.query(Criteria.where("ngoCode").is(caller.organisation())),
                InboxReferral.class);
        return referrals.stream()
                .sorted(Comparator.comparing((InboxReferral r) -> !"HIGH".equals(r.urgency()))
                        .thenComparing(InboxReferral::receivedAt))
                .toList();
    }

    /** What the inbox needs of {@code referral.submitted.v1}. */
    public record SubmittedReferral(String referralId, String childId, int childAge, String childGender,
                                    String municipalityCode, String interventionCode, List<String> concerns,
                                    String urgency, java.time.Instant occurredAt) {
    }
}
