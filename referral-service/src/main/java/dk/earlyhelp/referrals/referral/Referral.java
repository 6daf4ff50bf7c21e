package dk.earlyhelp.referrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * A referral of one child to one intervention. It guards its lifecycle (DOMAIN.md, "Referral
 * lifecycle") and records the events its changes cause; the store writes the change and those
 * events in one atomic document write, and the outbox relay publishes them afterwards.
 */
@Document("referrals")
public class Referral {

    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    /** Which status may follow which; WITHDRAWN is reachable from every open status. */
    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = Map.ofEntries(
            Map.entry(ReferralStatus.DRAFT, EnumSet.of(ReferralStatus.SUBMITTED)),
            Map.entry(ReferralStatus.SUBMITTED, EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED,
                    ReferralStatus.WAITLISTED, ReferralStatus.DECLINED)),
            Map.entry(ReferralStatus.RECEIVED, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.WAITLISTED,
                    ReferralStatus.DECLINED)),
            Map.entry(ReferralStatus.WAITLISTED, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.DECLINED,
                    ReferralStatus.MATCHED)),
            Map.entry(ReferralStatus.ACCEPTED, EnumSet.of(ReferralStatus.MATCHED, ReferralStatus.STARTED)),
            Map.entry(ReferralStatus.MATCHED, EnumSet.of(ReferralStatus.STARTED)),
            Map.entry(ReferralStatus.STARTED, EnumSet.of(ReferralStatus.COMPLETED, ReferralStatus.DROPPED_OUT)),
            Map.entry(ReferralStatus.DECLINED, EnumSet.noneOf(ReferralStatus.class)),
            Map.entry(ReferralStatus.COMPLETED, EnumSet.noneOf(ReferralStatus.class)),
            Map.entry(ReferralStatus.DROPPED_OUT, EnumSet.noneOf(ReferralStatus.class)),
            Map.entry(ReferralStatus.WITHDRAWN, EnumSet.noneOf(ReferralStatus.class)));

    private static final Set<ReferralStatus> NEEDS_REASON = EnumSet.of(ReferralStatus.DECLINED,
            ReferralStatus.DROPPED_OUT, ReferralStatus.WITHDRAWN);

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String municipalityCode;
    private String referrerId;
    private String referrerRole;
    private Child child;
    private String interventionCode;
    private List<String> concerns;
    private Urgency urgency;
    private ChildView childView;
    private ReferralStatus status;
    private Instant createdAt;
    private String suggestedInterventionCode;
    private List<TimelineEntry> timeline = new ArrayList<>();
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    private List<String> appliedEvents = new ArrayList<>();

    /** What the last change added, for the store's targeted update; not stored as such. */
    @Transient
    private final List<TimelineEntry> newTimeline = new ArrayList<>();
    @Transient
    private final List<PendingEvent> newEvents = new ArrayList<>();

    protected Referral() {
    }

    /** A new referral, kept as a draft until {@link #submit} or submitted at once. */
    public static Referral create(String id, Referrer referrer, Child child, String interventionCode,
            List<String> concerns, Urgency urgency, ChildView childView, boolean submitNow, Instant now) {
        Referral referral = new Referral();
        referral.id = id;
        referral.municipalityCode = referrer.municipalityCode();
        referral.referrerId = referrer.id();
        referral.referrerRole = referrer.role();
        referral.child = child;
        referral.interventionCode = interventionCode;
        referral.concerns = List.copyOf(concerns);
        referral.urgency = urgency;
        referral.childView = childView;
        referral.status = ReferralStatus.DRAFT;
        referral.createdAt = now;
        referral.record(ReferralStatus.DRAFT, now, referrer.id(), null);
        if (submitNow) {
            referral.submit(referrer.id(), now);
        }
        // A new document is inserted whole, so what it recorded moves into it at once.
        referral.timeline.addAll(referral.newTimeline);
        referral.pendingEvents.addAll(referral.newEvents);
        referral.newTimeline.clear();
        referral.newEvents.clear();
        return referral;
    }

    /** DRAFT to SUBMITTED; records {@link ReferralSubmitted}. */
    public void submit(String actor, Instant now) {
        moveTo(ReferralStatus.SUBMITTED, now, actor, null);
        newEvents.add(new ReferralSubmitted(id, child.pseudonym(), child.ageOn(LocalDate.ofInstant(now, DANISH_TIME)),
                child.gender().name(), municipalityCode, interventionCode, concerns, urgency.name(), referrerRole, now)
                .toPendingEvent());
    }

    /** From any open status to WITHDRAWN, with the referrer's reason; records {@link ReferralWithdrawn}. */
    public void withdraw(String actor, String reason, Instant now) {
        boolean wasSent = status != ReferralStatus.DRAFT;
        moveTo(ReferralStatus.WITHDRAWN, now, actor, reason);
        if (wasSent) {
            newEvents.add(new ReferralWithdrawn(id, child.pseudonym(), now).toPendingEvent());
        }
    }

    /**
     * The NGO's news about the referral (received, accepted, waitlisted, declined). A status the
     * referral has already passed, or news about a closed referral, changes nothing.
     *
     * @return whether the referral changed
     */
    public boolean applyNgoDecision(String eventId, ReferralStatus decided, String reason,
            String suggestedIntervention, Instant at) {
        if (appliedEvents.contains(eventId) || !NEXT.get(status).contains(decided)) {
            return false;
        }
        moveTo(decided, at, "ngo", reason);
        suggestedInterventionCode = suggestedIntervention;
        return true;
    }

    public boolean isOpen() {
        return !NEXT.get(status).isEmpty();
    }

    private void moveTo(ReferralStatus next, Instant at, String actor, String reason) {
        boolean allowed = next == ReferralStatus.WITHDRAWN ? isOpen() : NEXT.get(status).contains(next);
        if (!allowed) {
            throw new IllegalTransition(status, next);
        }
        if (NEEDS_REASON.contains(next) && (reason == null || reason.isBlank())) {
            throw new ReasonRequired(next);
        }
        status = next;
        record(next, at, actor, reason);
    }

    private void record(ReferralStatus next, Instant at, String actor, String reason) {
        newTimeline.add(new TimelineEntry(next, at, actor, reason));
    }

    /** Thrown when the lifecycle does not allow a change; the API answers 409. */
    public static class IllegalTransition extends RuntimeException {
        IllegalTransition(ReferralStatus from, ReferralStatus to) {
            super("A referral that is " + from + " cannot become " + to);
        }
    }

    /** Thrown when a change the lifecycle asks a reason for comes without one; the API answers 400. */
    public static class ReasonRequired extends RuntimeException {
        ReasonRequired(ReferralStatus next) {
            super("is required to make a referral " + next);
        }
    }

    List<TimelineEntry> newTimeline() {
        return List.copyOf(newTimeline);
    }

    List<PendingEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    Long version() {
        return version;
    }

    public String id() {
        return id;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public String referrerId() {
        return referrerId;
    }

    public String referrerRole() {
        return referrerRole;
    }

    public Child child() {
        return child;
    }

    public String interventionCode() {
        return interventionCode;
    }

    public List<String> concerns() {
        return concerns;
    }

    public Urgency urgency() {
        return urgency;
    }

    public ChildView childView() {
        return childView;
    }

    public ReferralStatus status() {
        return status;
    }

    public String suggestedInterventionCode() {
        return suggestedInterventionCode;
    }

    public List<TimelineEntry> timeline() {
        List<TimelineEntry> all = new ArrayList<>(timeline);
        all.addAll(newTimeline);
        return List.copyOf(all);
    }

    public List<PendingEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
