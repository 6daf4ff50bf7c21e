package dk.earlyhelp.ngo.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.InterventionRepository;
import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.idempotency.AppliedEvents;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Use cases of the inbox: receive referrals from the municipalities, let the NGO's coordinators
 * decide on them, and tell the referrer (through the events in each document's outbox). Every
 * applied change is announced in-process as {@link InboxChanged}.
 */
@Service
public class InboxManagement {

    private static final Logger log = LoggerFactory.getLogger(InboxManagement.class);
    /** A decision can be made on a new referral, and a waitlisted one can still be accepted or declined. */
    private static final Set<InboxStatus> DECIDABLE = EnumSet.of(InboxStatus.RECEIVED, InboxStatus.WAITLISTED);
    private static final String CONSENT_WITHDRAWN_AT = "consentWithdrawnAt";

    private final MongoTemplate mongo;
    private final InterventionRepository interventions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InboxManagement(MongoTemplate mongo, InterventionRepository interventions, AuditTrail audit, Clock clock,
            ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.interventions = interventions;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Puts a submitted referral in the inbox of the NGO that delivers the intervention and records
     * {@link ReferralReceived}. Effect and bookkeeping land in one conditional upsert, so a
     * redelivered event changes nothing; nor does one for a referral made anonymous since, whose
     * child details must not come back.
     *
     * @return whether this call applied the event (false for a repeat)
     */
    public boolean receive(String eventId, SubmittedReferral referral) {
        String ngoCode = interventions.findById(referral.interventionCode()).map(Intervention::ngoCode).orElse(null);
        if (ngoCode == null) {
            log.warn("Referral {} names intervention {}, which is not in the catalogue", referral.referralId(),
                    referral.interventionCode());
        }
        Instant now = clock.instant();
        Update effect = new Update()
                .setOnInsert("status", InboxStatus.RECEIVED)
                .setOnInsert("receivedAt", now)
                .setOnInsert("pendingEvents", ngoCode == null ? List.of()
                        : List.of(new ReferralReceived(referral.referralId(), ngoCode, referral.interventionCode(), now)
                                .toPendingEvent()))
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
            mongo.upsert(AppliedEvents.notYetApplied(referral.referralId(), eventId)
                            .addCriteria(Criteria.where(CONSENT_WITHDRAWN_AT).exists(false)),
                    AppliedEvents.recording(eventId, effect), InboxReferral.class);
            events.publishEvent(new InboxChanged(referral.interventionCode()));
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    /**
     * The referrer withdrew the referral: it leaves the NGO's open work, once per event, and a
     * child placed in a group gives the seat back ({@link LeftGroup}).
     */
    public boolean withdrawn(String eventId, String referralId) {
        InboxReferral withdrawn = mongo.findAndModify(AppliedEvents.notYetApplied(referralId, eventId),
                AppliedEvents.recording(eventId, new Update().set("status", InboxStatus.WITHDRAWN)),
                FindAndModifyOptions.options().returnNew(true), InboxReferral.class);
        if (withdrawn == null) {
            return false;
        }
        if (withdrawn.groupId() != null) {
            events.publishEvent(new LeftGroup(referralId, withdrawn.groupId()));
        }
        events.publishEvent(new InboxChanged(withdrawn.interventionCode()));
        return true;
    }

    /**
     * The consent the child's details were shared under ended (CONSENT.md rule 5): every referral of
     * the child to one of these NGOs, whatever its status, loses what was shared about the child and
     * the coordinator's own words about them, and keeps its ids, codes, status and dates. Each
     * referral changes in one conditional write that also records the event, so a repeat changes
     * nothing and an interrupted delivery finishes the rest.
     *
     * @return every referral this event made anonymous, also in an earlier, interrupted delivery
     */
    public List<InboxReferral> anonymise(String eventId, String childId, Collection<String> ngoCodes,
            Instant consentEndedAt) {
        Query held = Query.query(Criteria.where("childId").is(childId).and("ngoCode").in(ngoCodes)
                .and(CONSENT_WITHDRAWN_AT).exists(false));
        Update erase = new Update().unset("childAge").unset("childGender").unset("concerns")
                .unset("decision.explanation").set(CONSENT_WITHDRAWN_AT, consentEndedAt);
        mongo.updateMulti(held, AppliedEvents.recording(eventId, erase), InboxReferral.class);
        return mongo.find(Query.query(Criteria.where("childId").is(childId).and(AppliedEvents.FIELD).is(eventId)),
                InboxReferral.class);
    }

    /** The caller's NGO's open inbox, most urgent first, then oldest first. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public List<InboxReferral> inbox(Caller caller) {
        List<InboxReferral> referrals = mongo.find(Query.query(Criteria.where("ngoCode").is(caller.organisation())
                .and("status").ne(InboxStatus.WITHDRAWN)), InboxReferral.class);
        referrals.forEach(referral -> audit.record(caller, AuditRecord.Action.READ, "inbox-referral",
                referral.referralId(), referral.childId()));
        return referrals.stream()
                .sorted(Comparator.comparing((InboxReferral r) -> !"HIGH".equals(r.urgency()))
                        .thenComparing(InboxReferral::receivedAt))
                .toList();
    }

    /**
     * Accepts, waitlists or declines a referral to the caller's NGO and records
     * {@link ReferralDecided} in the same conditional write.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral decide(Caller caller, String referralId, NewDecision request) {
        Instant now = clock.instant();
        Decision decision = new Decision(request.outcome(), request.reason(), request.explanation(),
                request.suggestedInterventionCode(), request.expectedStart(), caller.subject(), now);
        Update change = new Update()
                .set("status", InboxStatus.valueOf(request.outcome().name()))
                .set("decision", decision)
                .push("pendingEvents", new ReferralDecided(referralId, request.outcome(), request.reason(),
                        request.suggestedInterventionCode(), request.expectedStart(), now).toPendingEvent());
        Criteria ownAndDecidable = Criteria.where("_id").is(referralId).and("ngoCode").is(caller.organisation())
                .and("status").in(DECIDABLE);
        InboxReferral decided = mongo.findAndModify(Query.query(ownAndDecidable), change,
                FindAndModifyOptions.options().returnNew(true), InboxReferral.class);
        if (decided != null) {
            audit.record(caller, AuditRecord.Action.UPDATE, "inbox-referral", referralId, decided.childId());
            log.info("Referral {} {} by {}", referralId, request.outcome(), caller.organisation());
            events.publishEvent(new InboxChanged(decided.interventionCode()));
            return decided;
        }
        boolean visible = mongo.exists(Query.query(Criteria.where("_id").is(referralId)
                .and("ngoCode").is(caller.organisation())), InboxReferral.class);
        if (!visible) {
            InboxReferral other = mongo.findById(referralId, InboxReferral.class);
            if (other != null) {
                audit.record(caller, AuditRecord.Action.DENIED, "inbox-referral", referralId, other.childId());
            }
            throw ProblemException.notFound("Referral " + referralId);
        }
        throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now",
                "This referral has already been decided on or was withdrawn.");
    }

    /**
     * One referral to the caller's NGO, for a use case that acts on it (placing it in a group).
     * Another NGO's referral is recorded as a denied access and answers 404 like a missing one.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral referral(Caller caller, String referralId) {
        InboxReferral referral = mongo.findById(referralId, InboxReferral.class);
        if (referral == null || !caller.organisation().equals(referral.ngoCode())) {
            if (referral != null) {
                audit.record(caller, AuditRecord.Action.DENIED, "inbox-referral", referralId, referral.childId());
            }
            throw ProblemException.notFound("Referral " + referralId);
        }
        return referral;
    }

    /**
     * The referrals of one of the NGO's interventions that wait for a place: waitlisted, or
     * accepted and not yet given a seat in a group. Unordered and unaudited: the waiting list
     * orders them and records the coordinator's read.
     */
    public List<InboxReferral> waitingFor(String ngoCode, String interventionCode) {
        return mongo.find(Query.query(Criteria.where("ngoCode").is(ngoCode).and("interventionCode")
                .is(interventionCode).and("status").in(InboxStatus.ACCEPTED, InboxStatus.WAITLISTED)
                .and("groupId").is(null)), InboxReferral.class);
    }

    /**
     * Records that a child has a seat in a group, in one conditional write on the referral: only
     * an accepted or waitlisted referral of the caller's NGO that has no other group matches, so
     * one child never holds seats in two groups. A waitlisted child offered a seat is accepted,
     * and the referrer hears it with the group's start as the expected start.
     *
     * @return the placed referral, or null when it is no longer placeable (withdrawn, placed elsewhere)
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral placeInGroup(Caller caller, String referralId, String groupId, LocalDate groupStart) {
        Instant now = clock.instant();
        Criteria waitlisted = Criteria.where("_id").is(referralId).and("ngoCode").is(caller.organisation())
                .and("status").is(InboxStatus.WAITLISTED).and("groupId").is(null);
        InboxReferral placed = mongo.findAndModify(Query.query(waitlisted),
                new Update().set("status", InboxStatus.ACCEPTED).set("groupId", groupId)
                        .set("decision", new Decision(Decision.Outcome.ACCEPTED, null, null, null, groupStart,
                                caller.subject(), now))
                        .push("pendingEvents", new ReferralDecided(referralId, Decision.Outcome.ACCEPTED, null,
                                null, groupStart, now).toPendingEvent()),
                FindAndModifyOptions.options().returnNew(true), InboxReferral.class);
        if (placed == null) {
            Criteria acceptedHere = Criteria.where("_id").is(referralId).and("ngoCode").is(caller.organisation())
                    .and("status").is(InboxStatus.ACCEPTED)
                    .orOperator(Criteria.where("groupId").is(null), Criteria.where("groupId").is(groupId));
            placed = mongo.findAndModify(Query.query(acceptedHere), new Update().set("groupId", groupId),
                    FindAndModifyOptions.options().returnNew(true), InboxReferral.class);
        }
        if (placed != null) {
            audit.record(caller, AuditRecord.Action.UPDATE, "inbox-referral", referralId, placed.childId());
            log.info("Referral {} placed in group {} by {}", referralId, groupId, caller.organisation());
            events.publishEvent(new InboxChanged(placed.interventionCode()));
        }
        return placed;
    }

    /** What the inbox needs of {@code referral.submitted.v1}. */
    public record SubmittedReferral(String referralId, String childId, int childAge, String childGender,
                                    String municipalityCode, String interventionCode, List<String> concerns,
                                    String urgency, Instant occurredAt) {
    }

    /** The coordinator's decision as they give it. */
    public record NewDecision(Decision.Outcome outcome, Decision.DeclineReason reason, String explanation,
                              String suggestedInterventionCode, LocalDate expectedStart) {
    }
}
