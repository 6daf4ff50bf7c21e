package dk.earlyhelp.consent.consent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * One consent about one child: which NGOs may use which kinds of information for which purposes,
 * and when. It grants nothing until every required grantor has consented, and nothing after a
 * withdrawal, a refusal or its end date (default deny). Each grantor may tick less than it names;
 * what it grants is the intersection (its effective scope). Its changes record the events other
 * services obey, and its personal links live in it, so a link's use is one atomic write. When it
 * ends while active (withdrawal or expiry) it expects the receivers' erasure confirmations, which
 * are recorded in it without changing its version (they change nothing it permits).
 * <p>
 * Its status records what happened to it; what it permits is decided on the day asked, by the
 * settings of {@link ConsentRules} as they are then and the child's age that day. ACTIVE means every
 * grantor the rules required on the day the last one consented had consented; it does not change at
 * a birthday. An active consent therefore pauses (permits nothing, {@link #ageRuleNote} says why)
 * from the 15th birthday until the young person's own consent is recorded on it, and from the 18th
 * until the young adult's is, without ending: a pause tells no service to erase anything, and the
 * consent resumes with the missing consent. Only ending it (withdrawal, refusal, expiry) is announced.
 */
@Document("consents")
@CompoundIndex(name = "invitation_token", def = "{'invitations.tokenHash': 1}")
@CompoundIndex(name = "status_validUntil", def = "{'status': 1, 'validUntil': 1}")
public class Consent {

    /** A consent's period is in Danish calendar days: it lasts until midnight in Copenhagen after validUntil. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String childId;
    /** The child's birth date as staff know it from the referral (only the date); null when not given. */
    private LocalDate childBirthDate;
    private String municipalityCode;
    /**
     * The NGO that registered the child without a municipal referral (B1/B3) and recorded this consent
     * with the parents; null for a consent the municipality recorded. Only that NGO manages it.
     */
    private String registeredBy;
    private String referralId;
    private List<String> grantees;
    /**
     * The professionals around the child in the municipality, by staff role (e.g. SCHOOL_PSYCHOLOGIST),
     * whom the custody holders let follow the child's referrals; the referrer names the colleague.
     */
    private List<String> followerRoles = new ArrayList<>();
    private String interventionCode;
    private Set<Purpose> purposes;
    private Set<DataCategory> categories;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private int custodyHoldersRequired;
    private boolean youngPersonRequired;
    private String textVersion;
    private List<Grantor> grantors = new ArrayList<>();
    private ConsentStatus status;
    private Instant createdAt;
    private Instant withdrawnAt;
    private Instant expiredAt;
    private boolean refused;
    private Grantor.Role refusedBy;
    private List<Invitation> invitations = new ArrayList<>();
    /** The services that must confirm erasure, fixed when it ended while active; null when none must. */
    private List<String> erasureExpected;
    /** Written only by {@link ConsentStore#recordErasureConfirmation}, once per event id ({@code appliedEvents}). */
    private List<ErasureConfirmation> erasureConfirmations = new ArrayList<>();
    private List<String> appliedEvents = new ArrayList<>();
    /** Set by the store once every expected service has confirmed, so only open erasures are looked at. */
    private boolean erasureConfirmed;
    /** Set by the store when the missing confirmation was first alerted, so each alert is logged once. */
    private Instant erasureAlertedAt;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    /** Events the last change recorded, written by the store with a targeted update. */
    @Transient
    private final List<PendingEvent> newEvents = new ArrayList<>();
    /** Every version so far, oldest first; the store only ever appends to it. */
    private List<ConsentVersion> versions = new ArrayList<>();
    /** Versions the last change appended, pushed by the store with the change. */
    @Transient
    private final List<ConsentVersion> newVersions = new ArrayList<>();
    /** Who makes the present change, for its version. */
    @Transient
    private String actor;

    protected Consent() {
    }

    /**
     * A new consent as a draft; throws {@link NotSpecific} unless it names grantees, purposes, categories and an end.
     *
     * @param childBirthDate      null when staff do not know it; {@code youngPersonRequired} then stands in for
     *                            the age rule
     * @param youngPersonRequired whether the young person's own consent is needed, used only without a birth date
     */
    public static Consent draft(String childId, LocalDate childBirthDate, String municipalityCode, String referralId,
            List<String> grantees, String interventionCode, Set<Purpose> purposes, Set<DataCategory> categories,
            LocalDate validFrom, LocalDate validUntil, int custodyHoldersRequired, boolean youngPersonRequired,
            String textVersion, Instant now) {
        if (grantees == null || grantees.isEmpty() || purposes == null || purposes.isEmpty() || categories == null
                || categories.isEmpty() || validFrom == null || validUntil == null) {
            throw new NotSpecific("A consent names its grantees, at least one purpose, its data categories and an end date.");
        }
        if (!validUntil.isAfter(validFrom) || validUntil.isAfter(validFrom.plusMonths(12))) {
            throw new NotSpecific("A consent lasts at most 12 months and ends after it starts.");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID().toString();
        consent.childId = childId;
        consent.childBirthDate = childBirthDate;
        consent.municipalityCode = municipalityCode;
        consent.referralId = referralId;
        consent.grantees = List.copyOf(grantees);
        consent.interventionCode = interventionCode;
        consent.purposes = Set.copyOf(purposes);
        consent.categories = Set.copyOf(categories);
        consent.validFrom = validFrom;
        consent.validUntil = validUntil;
        consent.custodyHoldersRequired = Math.max(1, custodyHoldersRequired);
        consent.youngPersonRequired = youngPersonRequired;
        consent.textVersion = textVersion;
        consent.status = ConsentStatus.DRAFT;
        consent.createdAt = now;
        consent.version(ConsentVersion.Change.CREATED, now, null, null);
        return consent;
    }

    /**
     * Records one grantor; the consent becomes ACTIVE when every grantor the {@code rules} require
     * that day has consented. A draft takes any grantor (but custody holders no longer once the
     * child is an adult); an active one only the young person's own consent, not yet recorded,
     * which it needs from the 15th birthday and which staff may collect before it, so sharing does
     * not pause. A grantor may tick only what the consent names ({@link OutsideScope} otherwise).
     * One whose ticks leave no purpose or no category that counts that day, or leave out referral
     * and delivery, which everything else rests on, has refused.
     *
     * @param confirmers the services that must confirm erasure if the young person's refusal ends an active consent
     */
    public void grant(Grantor grantor, Instant now, ConsentRules rules, List<String> confirmers) {
        LocalDate day = dayOf(now);
        boolean wasActive = status == ConsentStatus.ACTIVE;
        if (!awaitsYoungPerson(grantor.role())) {
            requireDraft("Only a draft consent takes more grantors, and an active one only the young person's own");
        }
        if (day.isAfter(validUntil)) {
            throw new IllegalState("This consent's period ended on " + validUntil + ".");
        }
        if (grantor.role() == Grantor.Role.CUSTODY_HOLDER && ageRuleOn(day, rules) == AgeRule.YOUNG_ADULT) {
            throw new IllegalState("From " + rules.adultAt() + " the young adult decides alone; the custody holders' "
                    + "consent no longer counts.");
        }
        if (grantor.purposes() != null && !purposes.containsAll(grantor.purposes())) {
            throw new OutsideScope("purposes");
        }
        if (grantor.categories() != null && !categories.containsAll(grantor.categories())) {
            throw new OutsideScope("categories");
        }
        Set<Purpose> narrowedPurposes = narrowed(purposesOn(day, rules), grantor.purposes());
        if (narrowedPurposes.isEmpty() || narrowed(categoriesOn(day, rules), grantor.categories()).isEmpty()
                || purposes.contains(Purpose.REFERRAL_AND_DELIVERY)
                        && !narrowedPurposes.contains(Purpose.REFERRAL_AND_DELIVERY)) {
            refuse(grantor.role(), now, confirmers);
            return;
        }
        grantors.add(grantor);
        if (status == ConsentStatus.DRAFT && requiredGrantorsOn(day, rules)) {
            status = ConsentStatus.ACTIVE;
            newEvents.add(event("consent.granted.v1", now, Map.of()));
        } else if (wasActive) {
            // The young person joined an active consent: what it permits is now what they ticked too.
            newEvents.add(event("consent.changed.v1", now, Map.of("change", "GRANTED", "role", grantor.role().name())));
        }
        version(ConsentVersion.Change.GRANTED, now, grantor.role(), grantor.method());
    }

    /**
     * A grantor said no before the consent became active: it ends here, and every service is told.
     * The young person's no to an active consent that lacks their own consent ends it as a
     * withdrawal (CONSENT.md rule 5): they are asked because from 15 it cannot permit without them.
     *
     * @param confirmers the services that must confirm erasure when that ends an active consent
     */
    public void refuse(Grantor.Role role, Instant now, List<String> confirmers) {
        if (awaitsYoungPerson(role)) {
            withdraw(now, confirmers, role);
            return;
        }
        requireDraft("Only a draft consent can be refused; an active one is withdrawn");
        status = ConsentStatus.WITHDRAWN;
        withdrawnAt = now;
        refused = true;
        refusedBy = role;
        newEvents.add(event("consent.withdrawn.v1", now, Map.of("wasActive", false, "refused", true)));
        version(ConsentVersion.Change.REFUSED, now, role, null);
    }

    /**
     * Withdrawal by any grantor takes effect at once and tells every service, also of a draft. If it
     * was active, each of the {@code confirmers} must confirm that it erased what it received.
     */
    public void withdraw(Instant now, List<String> confirmers) {
        withdraw(now, confirmers, null);
    }

    /** The same, saying whose withdrawal it is (the link holder's role), for the history. */
    public void withdraw(Instant now, List<String> confirmers, Grantor.Role by) {
        if (status == ConsentStatus.WITHDRAWN || status == ConsentStatus.EXPIRED) {
            throw new IllegalState("This consent is already " + status + ".");
        }
        boolean wasActive = status == ConsentStatus.ACTIVE;
        status = ConsentStatus.WITHDRAWN;
        withdrawnAt = now;
        if (wasActive) {
            expectErasure(confirmers);
        }
        newEvents.add(event("consent.withdrawn.v1", now, Map.of("wasActive", wasActive, "refused", false)));
        if (wasActive) {
            newEvents.add(erasureRequested("WITHDRAWN", confirmers, now));
        }
        version(ConsentVersion.Change.WITHDRAWN, now, by, null);
    }

    /**
     * Expiry is withdrawal at the end date (CONSENT.md rule 6): an active consent whose last day has
     * passed in Danish time ends, every service is told, and each of the {@code confirmers} must
     * confirm its erasure.
     */
    public void expire(Instant now, List<String> confirmers) {
        if (status != ConsentStatus.ACTIVE) {
            throw new IllegalState("Only an active consent expires; this one is " + status + ".");
        }
        if (!dayOf(now).isAfter(validUntil)) {
            throw new IllegalState("This consent lasts until " + validUntil + ".");
        }
        status = ConsentStatus.EXPIRED;
        expiredAt = now;
        expectErasure(confirmers);
        newEvents.add(event("consent.expired.v1", now, Map.of("wasActive", true, "refused", false)));
        newEvents.add(erasureRequested("EXPIRED", confirmers, now));
        version(ConsentVersion.Change.EXPIRED, now, null, null);
    }

    /**
     * Says who makes the present change (a staff member's user id, {@code personal-link:<role>},
     * {@code system}); versions appended before it was said, such as the draft's, get it too.
     */
    public void changedBy(String who) {
        actor = who;
        for (int i = 0; i < newVersions.size(); i++) {
            if (newVersions.get(i).by() == null) {
                ConsentVersion named = newVersions.get(i).by(who);
                versions.set(versions.indexOf(newVersions.get(i)), named);
                newVersions.set(i, named);
            }
        }
    }

    /** The number of the present version, as the history numbers it; null for a consent stored before versions were kept. */
    public Integer versionNumber() {
        return versions == null || versions.isEmpty() ? null : versions.get(versions.size() - 1).number();
    }

    /** The versions so far, oldest first; a consent stored before versions were kept has none. */
    public List<ConsentVersion> versions() {
        return versions == null ? List.of() : List.copyOf(versions);
    }

    List<ConsentVersion> newVersions() {
        return List.copyOf(newVersions);
    }

    /** The store wrote the new versions: a later save of this copy must not append them again. */
    void versionsWritten() {
        newVersions.clear();
    }

    private void version(ConsentVersion.Change change, Instant now, Grantor.Role role, Grantor.Method method) {
        if (versions == null) {
            versions = new ArrayList<>();
        }
        ConsentVersion next = new ConsentVersion(versions.size() + 1, now, change, actor, role, method, status,
                effectivePurposes(), effectiveCategories(), validFrom, validUntil, textVersion);
        versions.add(next);
        newVersions.add(next);
    }

    /** When it stopped granting: withdrawn, refused or expired; null while it has not ended. */
    public Instant endedAt() {
        return withdrawnAt != null ? withdrawnAt : expiredAt;
    }

    /** The services that must confirm erasure: none unless it ended while active. */
    public List<String> expectedConfirmations() {
        return erasureExpected == null ? List.of() : List.copyOf(erasureExpected);
    }

    public List<ErasureConfirmation> erasureConfirmations() {
        return erasureConfirmations == null ? List.of() : List.copyOf(erasureConfirmations);
    }

    /** The expected services that have not confirmed erasure yet, in the order expected. */
    public List<String> missingConfirmations() {
        Set<String> confirmed = new HashSet<>();
        erasureConfirmations().forEach(confirmation -> confirmed.add(confirmation.service()));
        return expectedConfirmations().stream().filter(service -> !confirmed.contains(service)).toList();
    }

    /** Whether a confirmation is still missing longer than {@code deadline} after the end. */
    public boolean erasureOverdue(Instant now, Duration deadline) {
        return endedAt() != null && !missingConfirmations().isEmpty() && now.isAfter(endedAt().plus(deadline));
    }

    /** The Danish calendar day of an instant, the unit of a consent's period. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    private void expectErasure(List<String> confirmers) {
        erasureExpected = confirmers == null || confirmers.isEmpty() ? null : List.copyOf(confirmers);
    }

    /**
     * Whether this consent lets the NGO use the categories for the purpose on the use's day (CONSENT.md
     * rules 1, 2, 3, 6, 9): it {@link #covers} them and every category counts that day.
     */
    public boolean permits(IntendedUse use, ConsentRules rules) {
        return covers(use.ngoCode(), use.purpose(), use.day(), rules)
                && categoriesOn(use.day(), rules).containsAll(use.categories());
    }

    /**
     * Whether this consent is in force for the NGO and the purpose on that day, for some categories:
     * in force, naming the NGO, and the purpose counts that day (only itself: no purpose implies another).
     */
    public boolean covers(String ngoCode, Purpose purpose, LocalDate day, ConsentRules rules) {
        return inForceOn(day, rules) && ngoCode != null && grantees.contains(ngoCode)
                && purposesOn(day, rules).contains(purpose);
    }

    /**
     * The consent is about a child this NGO registered itself and is recorded by it; only on a draft,
     * before anyone has consented to it.
     */
    public void recordedByRegisteringNgo(String ngoCode) {
        requireDraft("Only a draft says who recorded it");
        registeredBy = ngoCode;
    }

    /**
     * Names the professional roles whom the custody holders let follow the referral, as part of what
     * they consent to; only on a draft, before anyone has consented to it.
     */
    public void letFollow(List<String> roles) {
        requireDraft("Only a draft names whom it lets follow the referral");
        followerRoles = roles == null ? new ArrayList<>() : List.copyOf(roles);
    }

    /** Whether a professional of this role may follow the child's referrals on that day: in force and naming the role. */
    public boolean letsFollow(String staffRole, LocalDate day, ConsentRules rules) {
        return staffRole != null && followerRoles().contains(staffRole) && inForceOn(day, rules);
    }

    /**
     * Whether it grants anything on that day: ACTIVE, the day within its period, and every grantor the
     * rules require that day has consented (the setting may have changed, the child grown older).
     */
    public boolean inForceOn(LocalDate day, ConsentRules rules) {
        return status == ConsentStatus.ACTIVE && !day.isBefore(validFrom) && !day.isAfter(validUntil)
                && requiredGrantorsOn(day, rules);
    }

    /** Whose consent counts on that day, by the child's age then or, without a birth date, as staff recorded it. */
    public AgeRule ageRuleOn(LocalDate day, ConsentRules rules) {
        return rules.ageRule(childBirthDate, youngPersonRequired, day);
    }

    /**
     * What the age rule still needs on that day before this draft or active consent permits
     * anything; null when nothing (or it has ended).
     */
    public AgeRuleNote ageRuleNote(LocalDate day, ConsentRules rules) {
        if (status != ConsentStatus.DRAFT && status != ConsentStatus.ACTIVE || hasGrantor(Grantor.Role.YOUNG_PERSON)) {
            return null;
        }
        return switch (ageRuleOn(day, rules)) {
            case WITH_YOUNG_PERSON -> AgeRuleNote.YOUNG_PERSON_CONSENT_NEEDED;
            case YOUNG_ADULT -> AgeRuleNote.ADULT_CONSENT_NEEDED;
            case CUSTODY_HOLDERS -> null;
        };
    }

    /** The purposes that count on that day: those named that every grantor whose consent counts then ticked. */
    public Set<Purpose> purposesOn(LocalDate day, ConsentRules rules) {
        return effective(purposes, Purpose.class, Grantor::purposes, countingOn(day, rules));
    }

    /** The data categories that count on that day: those named that every grantor whose consent counts then ticked. */
    public Set<DataCategory> categoriesOn(LocalDate day, ConsentRules rules) {
        return effective(categories, DataCategory.class, Grantor::categories, countingOn(day, rules));
    }

    /** Rules 2 and 3 on that day: enough custody holders, and the young person where needed; an adult alone. */
    private boolean requiredGrantorsOn(LocalDate day, ConsentRules rules) {
        long custodyHolders = grantors.stream().filter(g -> g.role() == Grantor.Role.CUSTODY_HOLDER).count();
        boolean enoughCustodyHolders = custodyHolders >= rules.custodyHoldersNeeded(custodyHoldersRequired);
        return switch (ageRuleOn(day, rules)) {
            case CUSTODY_HOLDERS -> enoughCustodyHolders;
            case WITH_YOUNG_PERSON -> enoughCustodyHolders && hasGrantor(Grantor.Role.YOUNG_PERSON);
            case YOUNG_ADULT -> hasGrantor(Grantor.Role.YOUNG_PERSON);
        };
    }

    /** The grantors whose consent counts on that day: from adulthood the young adult's alone. */
    private List<Grantor> countingOn(LocalDate day, ConsentRules rules) {
        return ageRuleOn(day, rules) != AgeRule.YOUNG_ADULT ? grantors
                : grantors.stream().filter(g -> g.role() == Grantor.Role.YOUNG_PERSON).toList();
    }

    private boolean hasGrantor(Grantor.Role role) {
        return grantors.stream().anyMatch(g -> g.role() == role);
    }

    /** An active consent still takes the young person's own consent (or refusal), once. */
    private boolean awaitsYoungPerson(Grantor.Role role) {
        return status == ConsentStatus.ACTIVE && role == Grantor.Role.YOUNG_PERSON
                && !hasGrantor(Grantor.Role.YOUNG_PERSON);
    }

    /** The purposes the consent names that every grantor ticked. */
    public Set<Purpose> effectivePurposes() {
        return effective(purposes, Purpose.class, Grantor::purposes, grantors);
    }

    /** The data categories the consent names that every grantor ticked. */
    public Set<DataCategory> effectiveCategories() {
        return effective(categories, DataCategory.class, Grantor::categories, grantors);
    }

    /**
     * Adds a personal link that was mailed to a grantor; only a draft asks for more grantors, and an
     * active one for the young person's own consent.
     */
    public void invite(Invitation invitation) {
        if (!awaitsYoungPerson(invitation.role())) {
            requireDraft("Only a draft consent can be sent to a grantor, and an active one to the young person");
        }
        invitations.add(invitation);
    }

    public Optional<Invitation> invitationWithTokenHash(String tokenHash) {
        return invitations.stream().filter(invitation -> tokenHash.equals(invitation.tokenHash())).findFirst();
    }

    /** The link was used for its purpose; it never works again. */
    public Invitation closeInvitation(String invitationId, Invitation.Outcome outcome, Instant now) {
        Invitation invitation = invitation(invitationId);
        if (invitation.state(now) != Invitation.State.OPEN) {
            throw new IllegalState("This link is " + invitation.state(now) + ".");
        }
        return replace(invitation.used(outcome, now));
    }

    /**
     * After a grantor gave through their link: a link to withdraw it again, to be mailed to the same
     * address, working while the consent lasts. The address moves to the new link.
     */
    public Invitation offerWithdrawal(String givenThrough, String tokenHash, Instant now) {
        Invitation given = invitation(givenThrough);
        Invitation withdrawal = new Invitation(UUID.randomUUID().toString(), given.role(), Invitation.Kind.WITHDRAW,
                given.language(), tokenHash, given.email(), given.maskedEmail(), null,
                validUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), null, null, now, 1);
        replace(given.withoutEmail());
        invitations.add(withdrawal);
        return withdrawal;
    }

    /** The withdrawal link went out: the address is no longer needed. */
    public void confirmationSent(String invitationId, Instant now) {
        replace(invitation(invitationId).sent(now));
    }

    /** A new secret for a withdrawal link whose mail failed: the old one may never have arrived. */
    public void renewWithdrawalLink(String invitationId, String tokenHash, Instant now) {
        replace(invitation(invitationId).retried(tokenHash, now));
    }

    /** Forgets every e-mail address no mail will go to any more; true if one was forgotten. */
    public boolean forgetUnneededEmails(Instant now) {
        boolean forgotten = false;
        for (int i = 0; i < invitations.size(); i++) {
            Invitation invitation = invitations.get(i);
            if (invitation.email() != null && !invitation.needsEmail(status, now)) {
                invitations.set(i, invitation.withoutEmail());
                forgotten = true;
            }
        }
        return forgotten;
    }

    private Invitation invitation(String invitationId) {
        return invitations.stream().filter(invitation -> invitation.id().equals(invitationId)).findFirst()
                .orElseThrow(() -> new IllegalState("No such link."));
    }

    private Invitation replace(Invitation changed) {
        invitations.replaceAll(invitation -> invitation.id().equals(changed.id()) ? changed : invitation);
        return changed;
    }

    private void requireDraft(String what) {
        if (status != ConsentStatus.DRAFT) {
            throw new IllegalState(what + "; this one is " + status + ".");
        }
    }

    private static <E extends Enum<E>> Set<E> effective(Set<E> named, Class<E> type, Function<Grantor, Set<E>> ticked,
            List<Grantor> counting) {
        Set<E> scope = EnumSet.noneOf(type);
        scope.addAll(named);
        counting.forEach(grantor -> {
            if (ticked.apply(grantor) != null) {
                scope.retainAll(ticked.apply(grantor));
            }
        });
        return scope;
    }

    private static <E> Set<E> narrowed(Set<E> scope, Set<E> ticks) {
        if (ticks != null) {
            scope.retainAll(ticks);
        }
        return scope;
    }

    /**
     * The answer to a referral that asked whether this consent permits its use: written by
     * {@link ConsentStore#recordConfirmation}, once per question, not as a change of the consent.
     */
    PendingEvent confirmationFor(String referralId, Instant now) {
        return event("consent.confirmed.v1", now, Map.of("answersReferralId", referralId));
    }

    /**
     * Every service that received something under this consent must erase or anonymise it and
     * confirm; the event names those whose confirmation is expected (the DPO's check follows them).
     */
    private PendingEvent erasureRequested(String reason, List<String> confirmers, Instant now) {
        return event("consent.erasure-requested.v1", now, Map.of("reason", reason, "confirmers",
                List.copyOf(confirmers)));
    }

    private PendingEvent event(String type, Instant now, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consentId", id);
        data.put("childId", childId);
        data.put("municipalityCode", municipalityCode);
        data.put("grantees", grantees);
        if (interventionCode != null) {
            data.put("interventionCode", interventionCode);
        }
        if (referralId != null) {
            data.put("referralId", referralId);
        }
        data.put("purposes", effectivePurposes().stream().map(Enum::name).sorted().toList());
        data.put("categories", effectiveCategories().stream().map(Enum::name).sorted().toList());
        data.put("validUntil", validUntil.toString());
        data.putAll(extra);
        data.put("occurredAt", now.toString());
        // Keyed by the child, so every consent event about one child keeps its order.
        return new PendingEvent(UUID.randomUUID().toString(), type, childId, id, now, data);
    }

    /** The consent is not specific enough to be valid (CONSENT.md rule 4). */
    public static class NotSpecific extends RuntimeException {
        NotSpecific(String message) {
            super(message);
        }
    }

    /** The change is not possible in the consent's present status. */
    public static class IllegalState extends RuntimeException {
        IllegalState(String message) {
            super(message);
        }
    }

    /** A grantor ticked a purpose or category the consent does not name. */
    public static class OutsideScope extends RuntimeException {
        private final String field;

        OutsideScope(String field) {
            super("A grantor can only consent to " + field + " the consent names.");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    List<PendingEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    /**
     * The same consent with these grantors and this status, as the store may give it back after
     * days passed or the settings changed: for tests of the decision over every such state.
     */
    Consent inState(ConsentStatus newStatus, List<Grantor> newGrantors) {
        status = newStatus;
        grantors = new ArrayList<>(newGrantors);
        return this;
    }

    public String id() { return id; }
    public Long version() { return version; }
    public String childId() { return childId; }
    public LocalDate childBirthDate() { return childBirthDate; }
    public String municipalityCode() { return municipalityCode; }
    public String registeredBy() { return registeredBy; }
    public String referralId() { return referralId; }
    public List<String> grantees() { return grantees; }
    public List<String> followerRoles() { return followerRoles == null ? List.of() : List.copyOf(followerRoles); }
    public String interventionCode() { return interventionCode; }
    public Set<Purpose> purposes() { return purposes; }
    public Set<DataCategory> categories() { return categories; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public int custodyHoldersRequired() { return custodyHoldersRequired; }
    public boolean youngPersonRequired() { return youngPersonRequired; }
    public List<Grantor> grantors() { return List.copyOf(grantors); }
    public ConsentStatus status() { return status; }
    public String textVersion() { return textVersion; }
    public Instant createdAt() { return createdAt; }
    public Instant withdrawnAt() { return withdrawnAt; }
    public Instant expiredAt() { return expiredAt; }
    public boolean refused() { return refused; }
    public Grantor.Role refusedBy() { return refusedBy; }
    public List<Invitation> invitations() { return List.copyOf(invitations); }
}
