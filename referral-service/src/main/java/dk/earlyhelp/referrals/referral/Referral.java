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
import dk.earlyhelp.referrals.eligibility.Eligibility;

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
            // A child may drop out before the start too: from a group seat or a match (ngo-service allows it).
            Map.entry(ReferralStatus.WAITLISTED, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.DECLINED,
                    ReferralStatus.MATCHED, ReferralStatus.DROPPED_OUT)),
            Map.entry(ReferralStatus.ACCEPTED, EnumSet.of(ReferralStatus.MATCHED, ReferralStatus.STARTED,
                    ReferralStatus.DROPPED_OUT)),
            Map.entry(ReferralStatus.MATCHED, EnumSet.of(ReferralStatus.STARTED, ReferralStatus.DROPPED_OUT)),
            Map.entry(ReferralStatus.STARTED, EnumSet.of(ReferralStatus.COMPLETED, ReferralStatus.DROPPED_OUT)),
            Map.entry(ReferralStatus.DECLINED, EnumSet.noneOf(ReferralStatus.class)),
            Map.entry(ReferralStatus.COMPLETED, EnumSet.noneOf(ReferralStatus.class)),
            Map.entry(ReferralStatus.DROPPED_OUT, EnumSet.noneOf(ReferralStatus.class)),
            Map.entry(ReferralStatus.WITHDRAWN, EnumSet.noneOf(ReferralStatus.class)));

    /** The course's progress, which the NGO reports back only under PROGRESS_TO_REFERRER. */
    private static final Set<ReferralStatus> PROGRESS = EnumSet.of(ReferralStatus.MATCHED, ReferralStatus.STARTED,
            ReferralStatus.COMPLETED, ReferralStatus.DROPPED_OUT);

    /** Where a matched referral goes back to when the family declines the person: where it waited before. */
    private static final Set<ReferralStatus> WAITING = EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.WAITLISTED);

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
    private String referrerEmail;
    @Indexed
    private String referrerTeam;
    private Child child;
    private List<CustodyHolder> custodyHolders = new ArrayList<>();
    private String interventionCode;
    private List<String> concerns;
    private Urgency urgency;
    private ChildView childView;
    private CurrentSupport currentSupport;
    private String overrideReason;
    /** The soft criteria the referrer overrode when submitting; empty when the child fit. */
    private List<String> overriddenCriteria = new ArrayList<>();
    private ReferralStatus status;
    private Instant createdAt;
    private String suggestedInterventionCode;
    /** When the NGO expects the child to start (waitlisted or accepted); null until it says. */
    private LocalDate expectedStart;
    private List<Follower> followers = new ArrayList<>();
    /** Null on a draft and on referrals sent before consent was asked for (they were shared at once). */
    private ConsentState consentState;
    private String consentId;
    /** When the NGO received the referral: at submission if consent was there, else when it came. */
    private Instant sharedAt;
    /**
     * Whether the consent lets the NGO tell the referrer how the child's course goes
     * (PROGRESS_TO_REFERRER): matched, started, completed, dropped out. Null on referrals shared
     * before this was recorded, which were told everything.
     */
    private Boolean progressShared;
    /**
     * The partnership shares aggregates only (DOMAIN.md, collaboration models): no progress reaches
     * the referrer, whatever the consent says. Null on referrals shared before the policy was known.
     */
    private Boolean aggregatesOnly;
    /** The NGO's view at the end of the course: the child needs another offer (bridge back). */
    private boolean needsAnotherOffer;
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

    /** A new referral, kept as a draft until {@link #submit}. */
    public static Referral draft(String id, Referrer referrer, ReferralContent content, Instant now) {
        Referral referral = new Referral();
        referral.id = id;
        referral.municipalityCode = referrer.municipalityCode();
        referral.referrerId = referrer.id();
        referral.referrerRole = referrer.role();
        referral.referrerEmail = referrer.email();
        referral.referrerTeam = referrer.team();
        referral.use(content);
        referral.status = ReferralStatus.DRAFT;
        referral.createdAt = now;
        referral.timeline.add(new TimelineEntry(ReferralStatus.DRAFT, now, referrer.id(), null));
        return referral;
    }

    /** Replaces what a draft says; a referral that has been sent can no longer be edited. */
    public void revise(ReferralContent content) {
        if (status != ReferralStatus.DRAFT) {
            throw new IllegalTransition(status, ReferralStatus.DRAFT);
        }
        use(content);
    }

    /**
     * DRAFT to SUBMITTED. The draft must be complete, and the child must fit the offer: an
     * exclusion blocks, a soft failure needs the referrer's reason. With a consent ({@code consentId}
     * not null) the NGO receives it at once ({@link ReferralSubmitted}); else it waits for one.
     */
    public void submit(String actor, Eligibility eligibility, SharingConsent consent, Instant now) {
        if (status == ReferralStatus.DRAFT) {
            List<String> missing = content().missingForSubmission();
            if (!missing.isEmpty()) {
                throw new Incomplete(missing);
            }
            if (eligibility.verdict() == Eligibility.Verdict.EXCLUDED) {
                throw new Ineligible(eligibility);
            }
            boolean overriding = eligibility.verdict() == Eligibility.Verdict.OVERRIDE_REQUIRED;
            if (overriding && (overrideReason == null || overrideReason.isBlank())) {
                throw new Ineligible(eligibility);
            }
            overriddenCriteria = overriding
                    ? eligibility.failedCriteria().stream().map(Enum::name).toList() : List.of();
            overrideReason = overriding ? overrideReason : null;
        }
        moveTo(ReferralStatus.SUBMITTED, now, actor, null);
        consentState = ConsentState.AWAITING;
        if (consent != null) {
            share(consent, now);
        }
    }

    /**
     * A sent referral that waits for consent asks the consent service, through the broker, whether
     * a consent it holds covers the NGO's use ({@link ReferralAwaitingConsent}); nothing otherwise.
     */
    public void askForConsent(String ngoCode, String purpose, List<String> categories, Instant now) {
        if (awaitsConsent()) {
            newEvents.add(new ReferralAwaitingConsent(id, child.pseudonym(), municipalityCode, ngoCode,
                    interventionCode, purpose, List.copyOf(categories), now).toPendingEvent());
        }
    }

    /**
     * The consent a referral is shared under: its id, whether it lets the NGO report progress
     * (PROGRESS_TO_REFERRER), and whether the partnership's sharing policy lets it at all.
     */
    public record SharingConsent(String consentId, boolean progressToReferrer, boolean partnershipSharesProgress) {

        public SharingConsent(String consentId, boolean progressToReferrer) {
            this(consentId, progressToReferrer, true);
        }
    }

    /**
     * The consent the referral waited for has come: the NGO receives it now, and the referrer is
     * told. Anything else (not waiting, or news already applied) changes nothing.
     *
     * @return whether the referral changed
     */
    public boolean consentGiven(String eventId, SharingConsent consent, Instant now) {
        if (appliedEvents.contains(eventId) || !awaitsConsent()) {
            return false;
        }
        share(consent, now);
        newEvents.add(updated(null, ConsentState.GIVEN, now));
        return true;
    }

    /**
     * A consent ended: refused before the referral was shared (for this referral), or withdrawn or
     * expired after. The NGO's access ends with it in the consent service; here the referrer is told,
     * and the colleagues who followed under it follow no more.
     *
     * @return whether the referral changed
     */
    public boolean consentEnded(String eventId, String endedConsentId, String forReferral, boolean refused,
            Instant now) {
        if (appliedEvents.contains(eventId)) {
            return false;
        }
        // Those who followed under the ended consent follow no more (CONSENT.md rule 5).
        boolean followersLeft = followers.removeIf(follower -> endedConsentId.equals(follower.consentId()));
        ConsentState next;
        if (consentState == ConsentState.GIVEN && endedConsentId.equals(consentId)) {
            next = ConsentState.WITHDRAWN;
        } else if (awaitsConsent() && refused && id.equals(forReferral)) {
            next = ConsentState.REFUSED;
        } else {
            return followersLeft;
        }
        consentState = next;
        newEvents.add(updated(null, next, now));
        return true;
    }

    private void share(SharingConsent consent, Instant now) {
        this.consentId = consent.consentId();
        progressShared = consent.progressToReferrer();
        aggregatesOnly = !consent.partnershipSharesProgress();
        consentState = ConsentState.GIVEN;
        sharedAt = now;
        newEvents.add(new ReferralSubmitted(id, child.pseudonym(), child.ageOn(LocalDate.ofInstant(now, DANISH_TIME)),
                child.gender().name(), municipalityCode, interventionCode, concerns, urgency.name(), referrerRole,
                overriddenCriteria, now).toPendingEvent());
    }

    /** Sent by the referrer and waiting for the custody holders' consent before the NGO gets it. */
    public boolean awaitsConsent() {
        return status == ReferralStatus.SUBMITTED && consentState == ConsentState.AWAITING;
    }

    /** Whether the NGO has received the referral (older referrals, from before the consent step, were shared when sent). */
    public boolean sharedWithNgo() {
        return sharedAt != null || (status != ReferralStatus.DRAFT && consentState == null);
    }

    /**
     * Lets another professional follow the referral, under the consent the use case found for it
     * ({@link Follower#consentId}). Adding someone twice changes nothing.
     */
    public void addFollower(Follower follower) {
        if (followers.stream().noneMatch(existing -> existing.email().equalsIgnoreCase(follower.email()))) {
            followers.add(follower);
        }
    }

    public void removeFollower(String email) {
        followers.removeIf(follower -> follower.email().equalsIgnoreCase(email));
    }

    /** What the referrer has written, as one value. */
    public ReferralContent content() {
        return new ReferralContent(child, custodyHolders, interventionCode, concerns, urgency, childView,
                currentSupport, overrideReason);
    }

    private void use(ReferralContent content) {
        child = content.child();
        custodyHolders = new ArrayList<>(content.custodyHolders());
        interventionCode = content.interventionCode();
        concerns = content.concerns();
        urgency = content.urgency();
        childView = content.childView();
        currentSupport = content.currentSupport();
        overrideReason = content.overrideReason();
    }

    /** From any open status to WITHDRAWN, with the referrer's reason; records {@link ReferralWithdrawn}. */
    public void withdraw(String actor, String reason, Instant now) {
        boolean wasSent = sharedWithNgo();
        moveTo(ReferralStatus.WITHDRAWN, now, actor, reason);
        if (wasSent) {
            newEvents.add(new ReferralWithdrawn(id, child.pseudonym(), now).toPendingEvent());
        }
    }

    /**
     * The NGO's news about the referral (received, accepted, waitlisted, declined); records
     * {@link ReferralUpdated}. A status the referral has already passed, or news about a closed
     * referral, changes nothing.
     *
     * @return whether the referral changed
     */
    public boolean applyNgoDecision(String eventId, NgoNews news, boolean partnershipSharesProgress) {
        if (appliedEvents.contains(eventId) || !sharedWithNgo() || !NEXT.get(status).contains(news.status())) {
            return false;
        }
        if (PROGRESS.contains(news.status()) && !partnershipSharesProgress) {
            // The partnership shares aggregates only (DOMAIN.md), now perhaps when it did not at sharing.
            boolean learnt = !Boolean.TRUE.equals(aggregatesOnly);
            aggregatesOnly = true;
            return learnt;
        }
        if (PROGRESS.contains(news.status()) && !progressToReferrer()) {
            // The custody holders did not let the NGO report the course back (CONSENT.md purposes).
            return false;
        }
        moveTo(news.status(), news.at(), "ngo", news.reason());
        needsAnotherOffer = news.needsAnotherOffer();
        suggestedInterventionCode = news.suggestedInterventionCode();
        expectedStart = news.expectedStart() != null ? news.expectedStart() : expectedStart;
        newEvents.add(updated(news.reason(), null, news.at()));
        return true;
    }

    /**
     * The family declined the person the NGO matched the child with: the referral goes back from
     * MATCHED to where it waited ({@code waitingAgain}: ACCEPTED or WAITLISTED), with
     * {@code MATCH_DECLINED_<reason>} in its history; records {@link ReferralUpdated}. The only step
     * back in the lifecycle, so it is not in {@code NEXT}: only a MATCHED referral goes back, and a
     * referrer who was not told of the match (no progress shared) is not told of its end either.
     *
     * @return whether the referral changed
     */
    public boolean applyMatchDeclined(String eventId, ReferralStatus waitingAgain, String reason, Instant at,
            boolean partnershipSharesProgress) {
        if (appliedEvents.contains(eventId) || !sharedWithNgo() || status != ReferralStatus.MATCHED
                || !WAITING.contains(waitingAgain) || !partnershipSharesProgress || !progressToReferrer()) {
            return false;
        }
        String why = "MATCH_DECLINED_" + reason;
        status = waitingAgain;
        record(waitingAgain, at, "ngo", why);
        newEvents.add(updated(why, null, at));
        return true;
    }

    private PendingEvent updated(String reason, ConsentState consent, Instant at) {
        return new ReferralUpdated(id, child.pseudonym(), municipalityCode, interventionCode, status, reason,
                suggestedInterventionCode, expectedStart, consent, at).toPendingEvent();
    }

    /**
     * What the NGO said: the new status, a reason code (declined, dropped out), a better offer, an
     * expected start, and at the end of a course whether the child needs another offer.
     */
    public record NgoNews(ReferralStatus status, String reason, String suggestedInterventionCode,
                          LocalDate expectedStart, boolean needsAnotherOffer, Instant at) {

        public NgoNews(ReferralStatus status, String reason, String suggestedInterventionCode,
                LocalDate expectedStart, Instant at) {
            this(status, reason, suggestedInterventionCode, expectedStart, false, at);
        }
    }

    /**
     * Whether the NGO may tell the referrer how the course goes: under the consent, while it lasts,
     * and where the partnership shares more than aggregates.
     */
    public boolean progressToReferrer() {
        return progressWithheldBy() == null;
    }

    /** Why the referrer is told nothing of the course: {@code PARTNERSHIP} or {@code CONSENT}; null when they are. */
    public String progressWithheldBy() {
        if (Boolean.TRUE.equals(aggregatesOnly)) {
            return "PARTNERSHIP";
        }
        return consentState != ConsentState.WITHDRAWN && !Boolean.FALSE.equals(progressShared) ? null : "CONSENT";
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

    /** Thrown when a draft is submitted with parts missing; the API answers 400 naming them. */
    public static class Incomplete extends RuntimeException {
        private final List<String> missingFields;

        Incomplete(List<String> missingFields) {
            super("is required to submit the referral");
            this.missingFields = List.copyOf(missingFields);
        }

        public List<String> missingFields() {
            return missingFields;
        }
    }

    /** Thrown when the child does not fit the offer and the referral may not go (yet); the API answers 422. */
    public static class Ineligible extends RuntimeException {
        private final transient Eligibility eligibility;

        Ineligible(Eligibility eligibility) {
            super(eligibility.verdict() == Eligibility.Verdict.EXCLUDED
                    ? "The child is outside this offer for safety reasons. Refer to: " + eligibility.referTo()
                    : "The child does not fit every criterion of the offer ("
                            + eligibility.failedCriteria().stream().map(Enum::name).reduce((a, b) -> a + ", " + b)
                            .orElse("") + "). Give your reason for referring anyway.");
            this.eligibility = eligibility;
        }

        public Eligibility eligibility() {
            return eligibility;
        }
    }

    /** Thrown when a change the lifecycle asks a reason for comes without one; the API answers 400. */
    public static class ReasonRequired extends RuntimeException {
        ReasonRequired(ReferralStatus next) {
            super("is required to make a referral " + next);
        }
    }

    /** A new document is inserted whole, so what its changes recorded moves into it. */
    void settleForInsert() {
        timeline.addAll(newTimeline);
        pendingEvents.addAll(newEvents);
        newTimeline.clear();
        newEvents.clear();
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

    public List<CustodyHolder> custodyHolders() {
        return custodyHolders == null ? List.of() : List.copyOf(custodyHolders);
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

    public CurrentSupport currentSupport() {
        return currentSupport;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public List<String> overriddenCriteria() {
        return overriddenCriteria == null ? List.of() : List.copyOf(overriddenCriteria);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ReferralStatus status() {
        return status;
    }

    public String suggestedInterventionCode() {
        return suggestedInterventionCode;
    }

    public LocalDate expectedStart() {
        return expectedStart;
    }

    public String referrerEmail() {
        return referrerEmail;
    }

    public String referrerTeam() {
        return referrerTeam;
    }

    public ConsentState consentState() {
        return consentState;
    }

    public String consentId() {
        return consentId;
    }

    /** As recorded, for the store: null on referrals shared before it was. */
    Boolean progressToReferrerRecorded() {
        return progressShared;
    }

    /** As recorded, for the store: null on referrals shared before it was. */
    Boolean aggregatesOnlyRecorded() {
        return aggregatesOnly;
    }

    public boolean needsAnotherOffer() {
        return needsAnotherOffer;
    }

    public Instant sharedAt() {
        return sharedAt;
    }

    public List<Follower> followers() {
        return followers == null ? List.of() : List.copyOf(followers);
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
