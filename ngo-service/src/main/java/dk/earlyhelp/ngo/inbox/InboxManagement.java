package dk.earlyhelp.ngo.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
import dk.earlyhelp.platform.audit.DataAccess;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.idempotency.AppliedEvents;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Use cases of the inbox: receive referrals from the municipalities, let the NGO's coordinators
 * decide on them and follow each child's course (matched, started, completed or dropped out), and
 * tell the referrer (through the events in each document's outbox). Every applied change after
 * the arrival is announced in-process as {@link InboxChanged}.
 */
@Service
public class InboxManagement {

    private static final Logger log = LoggerFactory.getLogger(InboxManagement.class);
    /** A decision can be made on a new referral, and a waitlisted one can still be accepted or declined. */
    private static final Set<InboxStatus> DECIDABLE = EnumSet.of(InboxStatus.RECEIVED, InboxStatus.WAITLISTED);
    /** A child in a course: matched with a person (or started); the alerts and the volunteer's list follow these. */
    private static final Set<InboxStatus> IN_COURSE = EnumSet.of(InboxStatus.MATCHED, InboxStatus.STARTED);
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final String CONSENT_WITHDRAWN_AT = "consentWithdrawnAt";

    private final MongoTemplate mongo;
    private final InterventionRepository interventions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DeliveryTeam deliveryTeam;

    InboxManagement(MongoTemplate mongo, InterventionRepository interventions, AuditTrail audit, Clock clock,
            ApplicationEventPublisher events, DeliveryTeam deliveryTeam) {
        this.mongo = mongo;
        this.interventions = interventions;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.deliveryTeam = deliveryTeam;
    }

    /**
     * Puts a submitted referral in the inbox of the NGO that delivers the intervention and records
     * {@link ReferralReceived}. Effect and bookkeeping land in one conditional upsert, so a
     * redelivered event changes nothing; nor does one for a referral made anonymous since, whose
     * child details must not come back.
     *
     * @return whether this call applied the event (false for a repeat)
     */
    @PreAuthorize("hasRole('SYSTEM')")
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
                        : List.of(new ReferralReceived(referral.referralId(), referral.childId(), ngoCode,
                                referral.interventionCode(), referral.municipalityCode(),
                                ReferralSource.MUNICIPAL_REFERRAL, now).toPendingEvent()))
                .setOnInsert("source", ReferralSource.MUNICIPAL_REFERRAL)
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
            // No InboxChanged: a referral just received is neither taking a place nor waiting, so the
            // availability cannot move (recounting the inbox for every arrival held up the store).
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    /**
     * The referrer withdrew the referral: it leaves the NGO's open work, once per event, and a
     * child placed in a group gives the seat back ({@link LeftGroup}), a matched child the person's
     * place ({@link MatchEnded}).
     */
    @PreAuthorize("hasRole('SYSTEM')")
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
        if (withdrawn.match() != null) {
            events.publishEvent(new MatchEnded(referralId, withdrawn.match().volunteerId()));
        }
        events.publishEvent(new InboxChanged(withdrawn.interventionCode()));
        return true;
    }

    /**
     * The consent the child's details were shared under ended (CONSENT.md rule 5): every referral of
     * the child to one of these NGOs, whatever its status, loses what was shared about the child and
     * the coordinator's own words about them, and keeps its ids, codes, status and dates. Each
     * referral changes in one conditional write that also records the event, so a repeat changes
     * nothing and an interrupted delivery finishes the rest. A child the NGO registered itself is
     * held on the parents' own request, not on the strength of a consent (DOMAIN.md): it keeps its
     * details; only what went elsewhere under the consent (the municipality, measurement) ends.
     *
     * @return every referral this event made anonymous, also in an earlier, interrupted delivery
     */
    public List<InboxReferral> anonymise(String eventId, String childId, Collection<String> ngoCodes,
            Instant consentEndedAt) {
        Query held = Query.query(Criteria.where("childId").is(childId).and("ngoCode").in(ngoCodes)
                .and(CONSENT_WITHDRAWN_AT).exists(false)
                .and("source").nin(ReferralSource.PARENT_CONTACT.name(), ReferralSource.NGO_OUTREACH.name()));
        Update erase = new Update().unset("childAge").unset("childGender").unset("concerns")
                .unset("childPostcode").unset("childLanguages")
                .unset("decision.explanation").unset("course.note").unset("match.familyAnswer.note")
                .set(CONSENT_WITHDRAWN_AT, consentEndedAt);
        // The coordinator's notes on declined matches first: "$[]" needs the array, so only where one is held;
        // a repeat unsets nothing new, and a delivery interrupted after it does it again.
        mongo.updateMulti(Query.query(Criteria.where("childId").is(childId).and("ngoCode").in(ngoCodes)
                        .and("declinedMatches.familyAnswer.note").exists(true)),
                new Update().unset("declinedMatches.$[].familyAnswer.note"), InboxReferral.class);
        mongo.updateMulti(held, AppliedEvents.recording(eventId, erase), InboxReferral.class);
        return mongo.find(Query.query(Criteria.where("childId").is(childId).and(AppliedEvents.FIELD).is(eventId)),
                InboxReferral.class);
    }

    /**
     * What the inbox shows of a child: the concerns the referral names (besides age, gender and
     * postcode), received for the referral and the offer's delivery.
     */
    private static final DataAccess INBOX_READ = new DataAccess(List.of("CONCERNS"), "REFERRAL_AND_DELIVERY");

    /** The caller's NGO's open inbox, most urgent first, then oldest first. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public List<InboxReferral> inbox(Caller caller) {
        List<InboxReferral> referrals = mongo.find(Query.query(Criteria.where("ngoCode").is(caller.organisation())
                .and("status").ne(InboxStatus.WITHDRAWN)), InboxReferral.class);
        referrals.forEach(referral -> audit.record(caller, AuditRecord.Action.READ, "inbox-referral",
                referral.referralId(), referral.childId(), INBOX_READ));
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

    /**
     * Records the coordinator's match of a waiting child with one of the NGO's people, proposed to
     * the family until they answer (PROPOSED), and {@link ReferralProgressed} (MATCHED: the referrer
     * hears of the match at once, and of a no by {@link MatchDeclined}) in one conditional write,
     * which matches only while the child still waits (accepted or waitlisted, no seat in a group,
     * details held). The person's place is the caller's to take first.
     *
     * @return the proposed referral, or null when it no longer waits
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral match(Caller caller, InboxReferral waiting, String volunteerId) {
        Instant now = clock.instant();
        Criteria stillWaiting = Criteria.where("_id").is(waiting.referralId()).and("ngoCode").is(caller.organisation())
                .and("status").in(InboxStatus.ACCEPTED, InboxStatus.WAITLISTED).and("groupId").is(null)
                .and(CONSENT_WITHDRAWN_AT).exists(false);
        InboxReferral matched = mongo.findAndModify(Query.query(stillWaiting), new Update()
                        .set("status", InboxStatus.PROPOSED)
                        .set("match", new Match(volunteerId, now, caller.subject(), waiting.status(), null))
                        .push("pendingEvents", new ReferralProgressed(waiting.referralId(), waiting.childId(),
                                InboxStatus.MATCHED, null, null, null,
                                deliveryTeam.of(caller.organisation(), volunteerId, null), now).toPendingEvent()),
                FindAndModifyOptions.options().returnNew(true), InboxReferral.class);
        if (matched != null) {
            audit.record(caller, AuditRecord.Action.UPDATE, "inbox-referral", matched.referralId(), matched.childId());
            log.info("Referral {} matched with volunteer {} by {}, proposed to the family", matched.referralId(),
                    volunteerId, caller.organisation());
            events.publishEvent(new InboxChanged(matched.interventionCode()));
        }
        return matched;
    }

    /**
     * Records the family's answer to the match proposed to them, in one conditional write that
     * matches only while that very match is still proposed, so a second answer changes nothing.
     * Accepted: the child is MATCHED. Declined: the match ends and is kept in
     * {@code declinedMatches}, the child waits again as before and in the same place (the waiting
     * list orders by arrival, which does not change), the person's place is freed at once
     * ({@link MatchEnded}) and the referrer hears it with the reason ({@link MatchDeclined}). A
     * referral made anonymous records the answer without the note and announces nothing.
     *
     * @return the answered referral, or null when the match is no longer proposed
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral answerForFamily(Caller caller, InboxReferral proposed, FamilyAnswer given) {
        Match match = proposed.match();
        FamilyAnswer answer = proposed.anonymised() ? new FamilyAnswer(given.answer(), given.answeredBy(),
                given.reason(), null, given.answeredOn(), given.recordedAt(), given.recordedBy()) : given;
        Criteria stillProposed = Criteria.where("_id").is(proposed.referralId()).and("ngoCode")
                .is(caller.organisation()).and("status").is(InboxStatus.PROPOSED)
                .and("match.volunteerId").is(match.volunteerId())
                .and(CONSENT_WITHDRAWN_AT).exists(proposed.anonymised());
        boolean declined = answer.answer() == FamilyAnswer.Answer.DECLINED;
        // A match older than the family's answer came from an accepted child.
        InboxStatus waitedAs = match.matchedFrom() == null ? InboxStatus.ACCEPTED : match.matchedFrom();
        Update change = declined
                ? new Update().set("status", waitedAs).unset("match").push("declinedMatches",
                        new Match(match.volunteerId(), match.matchedAt(), match.matchedBy(), waitedAs, answer))
                : new Update().set("status", InboxStatus.MATCHED).set("match.familyAnswer", answer);
        if (declined && !proposed.anonymised()) {
            change.push("pendingEvents", new MatchDeclined(proposed.referralId(), proposed.childId(),
                    match.volunteerId(), waitedAs, answer.reason(), answer.answeredBy(), answer.recordedAt())
                    .toPendingEvent());
        }
        InboxReferral answered = mongo.findAndModify(Query.query(stillProposed), change,
                FindAndModifyOptions.options().returnNew(true), InboxReferral.class);
        if (answered == null) {
            return null;
        }
        audit.record(caller, AuditRecord.Action.UPDATE, "inbox-referral", answered.referralId(), answered.childId());
        log.info("Family {} the match of referral {} with volunteer {} ({})", declined ? "declined" : "accepted",
                answered.referralId(), match.volunteerId(), caller.organisation());
        if (declined) {
            events.publishEvent(new MatchEnded(answered.referralId(), match.volunteerId()));
            events.publishEvent(new InboxChanged(answered.interventionCode()));
        }
        return answered;
    }

    /**
     * The child's course started on the given day: a matched child, or one with a seat in a group.
     * The day cannot be in the future nor before the match.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral start(Caller caller, String referralId, LocalDate startedOn) {
        InboxReferral read = referral(caller, referralId);
        if (read.status() != InboxStatus.MATCHED && !placedInGroup(read)) {
            throw illegalTransition(read.status() == InboxStatus.PROPOSED
                    ? "The family has not accepted the match yet: record their answer first."
                    : "Only a child matched with a person or given a seat in a group can start; this referral is "
                            + read.status() + ".");
        }
        if (startedOn.isAfter(today())) {
            throw ProblemException.invalidField("startedOn", "must not be in the future: record the start once it "
                    + "has happened");
        }
        if (read.match() != null && startedOn.isBefore(day(read.match().matchedAt()))) {
            throw ProblemException.invalidField("startedOn", "must not be before the match on "
                    + day(read.match().matchedAt()));
        }
        Instant now = clock.instant();
        return progress(caller, read, InboxStatus.STARTED,
                new Update().set("course", new Course(startedOn, now, caller.subject(), null, null, null, null, null)),
                new ReferralProgressed(referralId, read.childId(), InboxStatus.STARTED, null, null, startedOn,
                        deliveredBy(read), now));
    }

    /** The course ran to its end; the closing conversation says whether the child needs another offer. */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral complete(Caller caller, String referralId, boolean needsAnotherOffer, String note) {
        InboxReferral read = referral(caller, referralId);
        if (read.status() != InboxStatus.STARTED) {
            throw illegalTransition("Only a started course can be completed; this referral is " + read.status()
                    + ".");
        }
        return end(caller, read, InboxStatus.COMPLETED, null, needsAnotherOffer, note);
    }

    /**
     * The child left the course early, matched (also while the match is proposed: the family gave up
     * the offer altogether) or started, for a reason.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral dropOut(Caller caller, String referralId, Course.DropOutReason reason,
            boolean needsAnotherOffer, String note) {
        InboxReferral read = referral(caller, referralId);
        if (!IN_COURSE.contains(read.status()) && read.status() != InboxStatus.PROPOSED && !placedInGroup(read)) {
            throw illegalTransition("Only a child matched, placed in a group or started can drop out; this referral "
                    + "is " + read.status() + ".");
        }
        return end(caller, read, InboxStatus.DROPPED_OUT, reason, needsAnotherOffer, note);
    }

    /** The caller's NGO's referrals in a course with one person (matched or started), unaudited. */
    public List<InboxReferral> inCourseWith(String ngoCode, String volunteerId) {
        return mongo.find(Query.query(Criteria.where("ngoCode").is(ngoCode).and("match.volunteerId").is(volunteerId)
                .and("status").in(IN_COURSE)), InboxReferral.class);
    }

    /** The NGO's referrals with a seat in one of the groups, placed or started; unaudited. */
    public List<InboxReferral> inGroups(String ngoCode, Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("ngoCode").is(ngoCode).and("groupId").in(groupIds)
                .and("status").in(InboxStatus.ACCEPTED, InboxStatus.WAITLISTED, InboxStatus.STARTED)),
                InboxReferral.class);
    }

    /** Every referral in a one-to-one course (matched or started), for the no-contact alerts; unaudited. */
    public List<InboxReferral> inOneToOneCourse() {
        return mongo.find(Query.query(Criteria.where("status").in(IN_COURSE).and("match").ne(null)),
                InboxReferral.class);
    }

    /** One referral whoever holds it, for a use case that scopes it itself (a volunteer's own children). */
    public Optional<InboxReferral> find(String referralId) {
        return Optional.ofNullable(mongo.findById(referralId, InboxReferral.class));
    }

    /**
     * Ends the course with the closing conversation's outcome and records {@link ReferralProgressed};
     * then the person's place ({@link MatchEnded}) or the group seat ({@link LeftGroup}) is free.
     */
    private InboxReferral end(Caller caller, InboxReferral read, InboxStatus outcome, Course.DropOutReason reason,
            boolean needsAnotherOffer, String note) {
        Instant now = clock.instant();
        Update details = new Update().set("course.endedAt", now).set("course.endedBy", caller.subject())
                .set("course.needsAnotherOffer", needsAnotherOffer);
        if (reason != null) {
            details.set("course.dropOutReason", reason);
        }
        if (note != null) {
            details.set("course.note", note);
        }
        InboxReferral ended = progress(caller, read, outcome, details, new ReferralProgressed(read.referralId(),
                read.childId(), outcome, reason, needsAnotherOffer, null, deliveredBy(read), now));
        if (ended.match() != null) {
            events.publishEvent(new MatchEnded(ended.referralId(), ended.match().volunteerId()));
        }
        if (ended.groupId() != null) {
            events.publishEvent(new LeftGroup(ended.referralId(), ended.groupId()));
        }
        return ended;
    }

    /**
     * One step of the course in one conditional write that matches only the referral as it was read
     * (status, seat, consent), with its event in the outbox. A referral made anonymous records the
     * step but tells the municipality nothing new: no consent, nothing shared (CONSENT.md rule 5).
     */
    private InboxReferral progress(Caller caller, InboxReferral read, InboxStatus to, Update details,
            ReferralProgressed event) {
        Criteria asRead = Criteria.where("_id").is(read.referralId()).and("ngoCode").is(caller.organisation())
                .and("status").is(read.status()).and("groupId").is(read.groupId())
                .and(CONSENT_WITHDRAWN_AT).exists(read.anonymised());
        Update change = details.set("status", to);
        if (!read.anonymised()) {
            change.push("pendingEvents", event.toPendingEvent());
        }
        InboxReferral changed = mongo.findAndModify(Query.query(asRead), change,
                FindAndModifyOptions.options().returnNew(true), InboxReferral.class);
        if (changed == null) {
            throw illegalTransition("The referral changed meanwhile; look at it again.");
        }
        audit.record(caller, AuditRecord.Action.UPDATE, "inbox-referral", changed.referralId(), changed.childId());
        log.info("Referral {} {} by {}", changed.referralId(), to, caller.organisation());
        events.publishEvent(new InboxChanged(changed.interventionCode()));
        return changed;
    }

    /** The mentor or the group's leaders as of now; the newest step's team is the one that counts. */
    private List<Deliverer> deliveredBy(InboxReferral referral) {
        return deliveryTeam.of(referral.ngoCode(), referral.match() == null ? null : referral.match().volunteerId(),
                referral.groupId());
    }

    private static boolean placedInGroup(InboxReferral referral) {
        return referral.status() == InboxStatus.ACCEPTED && referral.groupId() != null;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DENMARK));
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(DENMARK).toLocalDate();
    }

    private static ProblemException illegalTransition(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now", detail);
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
