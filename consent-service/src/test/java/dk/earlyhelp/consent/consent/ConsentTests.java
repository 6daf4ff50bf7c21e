package dk.earlyhelp.consent.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.earlyhelp.platform.events.PendingEvent;
import dk.earlyhelp.platform.test.Contracts;

/** The consent's transitions, its effective scope and its personal links, and the events they record. */
class ConsentTests {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CONFIRMERS = List.of("ngo-service");
    static final ConsentRules RULES = ConsentRules.DEFAULTS;

    @Test
    void theEffectiveScopeIsWhatEveryGrantorTicked() throws Exception {
        Consent consent = draft(2);
        consent.grant(grantor(null, Set.of(DataCategory.CONTACT, DataCategory.CONCERNS)), NOW, RULES, CONFIRMERS);
        consent.grant(grantor(Set.of(Purpose.REFERRAL_AND_DELIVERY), null), NOW, RULES, CONFIRMERS);

        assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(consent.effectivePurposes()).containsExactly(Purpose.REFERRAL_AND_DELIVERY);
        assertThat(consent.effectiveCategories()).containsExactly(DataCategory.CONTACT, DataCategory.CONCERNS);
        assertThat(consent.permits(use(Purpose.REFERRAL_AND_DELIVERY, DataCategory.CONTACT), RULES)).isTrue();
        assertThat(consent.permits(use(Purpose.REFERRAL_AND_DELIVERY, DataCategory.CHILD_VIEW), RULES)).isFalse();
        assertThat(consent.covers("URK_AAR", Purpose.PROGRESS_TO_REFERRER, TODAY, RULES)).isFalse();
        PendingEvent granted = consent.newEvents().get(0);
        assertThat(granted.data()).containsEntry("categories", List.of("CONCERNS", "CONTACT"))
                .containsEntry("purposes", List.of("REFERRAL_AND_DELIVERY"));
        assertMatchesContract(granted);
    }

    @Test
    void ticksThatLeaveNothingOrLeaveOutTheReferralAreARefusal() throws Exception {
        Consent narrowed = draft(2);
        narrowed.grant(grantor(null, Set.of(DataCategory.CONTACT)), NOW, RULES, CONFIRMERS);
        narrowed.grant(grantor(null, Set.of(DataCategory.CONCERNS)), NOW, RULES, CONFIRMERS);
        Consent withoutReferral = draft(1);
        withoutReferral.grant(grantor(Set.of(Purpose.PROGRESS_TO_REFERRER), null), NOW, RULES, CONFIRMERS);

        for (Consent consent : List.of(narrowed, withoutReferral)) {
            assertThat(consent.status()).isEqualTo(ConsentStatus.WITHDRAWN);
            assertThat(consent.refused()).isTrue();
            PendingEvent refused = consent.newEvents().get(0);
            assertThat(refused.type()).isEqualTo("consent.withdrawn.v1");
            assertThat(refused.data()).containsEntry("refused", true).containsEntry("wasActive", false);
            assertMatchesContract(refused);
        }
        assertThat(narrowed.grantors()).as("the refusing grantor did not consent").hasSize(1);
    }

    @Test
    void aGrantorTicksOnlyWhatTheConsentNames() {
        Consent consent = draft(1);

        assertThatThrownBy(() -> consent.grant(grantor(null, Set.of(DataCategory.CPR)), NOW, RULES, CONFIRMERS))
                .isInstanceOfSatisfying(Consent.OutsideScope.class, e -> assertThat(e.field()).isEqualTo("categories"));
        assertThatThrownBy(() -> consent.grant(grantor(Set.of(Purpose.RESEARCH), null), NOW, RULES, CONFIRMERS))
                .isInstanceOfSatisfying(Consent.OutsideScope.class, e -> assertThat(e.field()).isEqualTo("purposes"));
        assertThat(consent.status()).isEqualTo(ConsentStatus.DRAFT);
    }

    @Test
    void everyWithdrawalIsAnnouncedAndOnlyADraftCanBeRefused() throws Exception {
        Consent draft = draft(2);
        draft.withdraw(NOW, CONFIRMERS);
        Consent active = draft(1);
        active.grant(grantor(null, null), NOW, RULES, CONFIRMERS);
        active.withdraw(NOW, CONFIRMERS);

        assertThat(draft.newEvents()).singleElement().satisfies(event ->
                assertThat(event.data()).containsEntry("wasActive", false).containsEntry("refused", false));
        assertThat(active.newEvents()).extracting(PendingEvent::type)
                .containsExactly("consent.granted.v1", "consent.withdrawn.v1", "consent.erasure-requested.v1");
        assertThat(active.newEvents().get(1).data()).containsEntry("wasActive", true);
        assertMatchesContract(active.newEvents().get(1));
        PendingEvent erasure = active.newEvents().get(2);
        assertThat(erasure.data()).containsEntry("reason", "WITHDRAWN").containsEntry("confirmers", CONFIRMERS);
        assertThat(erasure.key()).isEqualTo(active.childId());
        assertMatchesContract(erasure);
        assertThatThrownBy(() -> active.refuse(Grantor.Role.CUSTODY_HOLDER, NOW, CONFIRMERS))
                .isInstanceOf(Consent.IllegalState.class);
    }

    @Test
    void anActiveConsentExpiresLikeAWithdrawalOnceItsLastDanishDayHasPassed() throws Exception {
        Consent consent = draft(1);
        consent.grant(grantor(null, null), NOW, RULES, CONFIRMERS);
        Instant lastMinuteInCopenhagen = Instant.parse("2027-05-25T21:59:59Z");
        Instant midnightInCopenhagen = Instant.parse("2027-05-25T22:00:00Z");

        assertThatThrownBy(() -> consent.expire(lastMinuteInCopenhagen, CONFIRMERS))
                .as("23:59:59 on its last day, summer time").isInstanceOf(Consent.IllegalState.class);
        consent.expire(midnightInCopenhagen, CONFIRMERS);

        assertThat(consent.status()).isEqualTo(ConsentStatus.EXPIRED);
        assertThat(consent.endedAt()).isEqualTo(midnightInCopenhagen);
        assertThat(consent.covers("URK_AAR", Purpose.REFERRAL_AND_DELIVERY, TODAY, RULES)).isFalse();
        PendingEvent expired = consent.newEvents().get(1);
        assertThat(expired.type()).isEqualTo("consent.expired.v1");
        assertThat(expired.key()).isEqualTo(consent.childId());
        assertThat(expired.data()).containsEntry("wasActive", true).containsEntry("refused", false);
        Consent withdrawn = draft(1);
        withdrawn.grant(grantor(null, null), NOW, RULES, CONFIRMERS);
        withdrawn.withdraw(NOW, CONFIRMERS);
        assertThat(expired.data().keySet()).as("the same data as a withdrawal")
                .isEqualTo(withdrawn.newEvents().get(1).data().keySet());
        assertMatchesContract(expired);
        assertThat(consent.newEvents().get(2).type()).isEqualTo("consent.erasure-requested.v1");
        assertThat(consent.newEvents().get(2).data()).containsEntry("reason", "EXPIRED");
        assertMatchesContract(consent.newEvents().get(2));
        assertThat(consent.missingConfirmations()).containsExactly("ngo-service");
        assertThatThrownBy(() -> consent.withdraw(midnightInCopenhagen, CONFIRMERS)).isInstanceOf(Consent.IllegalState.class);
        assertThatThrownBy(() -> draft(1).expire(midnightInCopenhagen, CONFIRMERS)).as("a draft grants nothing to end")
                .isInstanceOf(Consent.IllegalState.class);
    }

    @Test
    void onlyAConsentThatEndedWhileActiveExpectsErasureConfirmationsAndTheyAreDueAfterTheDeadline() {
        Consent refused = draft(2);
        refused.refuse(Grantor.Role.CUSTODY_HOLDER, NOW, CONFIRMERS);
        Consent withdrawnDraft = draft(2);
        withdrawnDraft.withdraw(NOW, CONFIRMERS);
        Consent withdrawn = draft(1);
        withdrawn.grant(grantor(null, null), NOW, RULES, CONFIRMERS);
        withdrawn.withdraw(NOW, List.of("ngo-service", "measurement-service"));

        assertThat(refused.expectedConfirmations()).isEmpty();
        assertThat(withdrawnDraft.expectedConfirmations()).isEmpty();
        assertThat(withdrawnDraft.erasureOverdue(NOW.plus(Duration.ofDays(2)), Duration.ofHours(24))).isFalse();
        assertThat(withdrawn.expectedConfirmations()).containsExactly("ngo-service", "measurement-service");
        assertThat(withdrawn.missingConfirmations()).containsExactly("ngo-service", "measurement-service");
        assertThat(withdrawn.erasureOverdue(NOW.plus(Duration.ofHours(24)), Duration.ofHours(24))).isFalse();
        assertThat(withdrawn.erasureOverdue(NOW.plus(Duration.ofHours(24)).plusSeconds(1), Duration.ofHours(24))).isTrue();
    }

    @Test
    void aDraftWhosePeriodHasEndedTakesNoMoreGrantors() {
        Consent consent = draft(1);

        assertThatThrownBy(() -> consent.grant(grantor(null, null), Instant.parse("2027-05-26T08:00:00Z"), RULES,
                CONFIRMERS))
                .isInstanceOf(Consent.IllegalState.class);
        assertThat(consent.status()).isEqualTo(ConsentStatus.DRAFT);
    }

    @Test
    void aLinkWorksOnceAndItsAddressMovesToTheReceiptThenIsForgotten() {
        Consent consent = draft(2);
        Invitation link = Invitation.toGive(Grantor.Role.CUSTODY_HOLDER, "hash-1", "maria@example.org", "da", NOW,
                NOW.plus(Duration.ofDays(14)));
        consent.invite(link);
        assertThat(link.maskedEmail()).isEqualTo("m***@example.org");
        assertThat(consent.invitationWithTokenHash("hash-1")).contains(link);

        consent.grant(grantor(null, null), NOW, RULES, CONFIRMERS);
        consent.closeInvitation(link.id(), Invitation.Outcome.GIVEN, NOW);
        Invitation withdrawal = consent.offerWithdrawal(link.id(), "hash-2", NOW);
        consent.forgetUnneededEmails(NOW);

        assertThat(consent.invitationWithTokenHash("hash-1").orElseThrow().email()).isNull();
        assertThat(withdrawal.email()).isEqualTo("maria@example.org");
        assertThat(withdrawal.expiresAt()).isEqualTo(Instant.parse("2027-05-26T00:00:00Z"));
        assertThat(consent.invitationWithTokenHash("hash-1").orElseThrow().state(NOW)).isEqualTo(Invitation.State.USED);
        assertThatThrownBy(() -> consent.closeInvitation(link.id(), Invitation.Outcome.REFUSED, NOW))
                .isInstanceOf(Consent.IllegalState.class);

        consent.confirmationSent(withdrawal.id(), NOW);
        assertThat(consent.invitations()).extracting(Invitation::email).containsOnlyNulls();
    }

    @Test
    void anUnusedLinksAddressIsForgottenWhenItExpiresOrTheConsentIsNoLongerADraft() {
        Consent consent = draft(2);
        consent.invite(Invitation.toGive(Grantor.Role.CUSTODY_HOLDER, "hash-1", "maria@example.org", "da", NOW,
                NOW.plus(Duration.ofDays(14))));

        assertThat(consent.forgetUnneededEmails(NOW.plus(Duration.ofDays(13)))).isFalse();
        assertThat(consent.forgetUnneededEmails(NOW.plus(Duration.ofDays(14)))).isTrue();
        assertThat(consent.invitations()).extracting(Invitation::email).containsOnlyNulls();
    }

    @Test
    void aYoungPersonJoiningAnActiveConsentChangesItsScopeAndEveryServiceIsTold() throws Exception {
        Consent consent = draft(1);
        consent.grant(grantor(null, null), NOW, RULES, CONFIRMERS);

        consent.grant(new Grantor(Grantor.Role.YOUNG_PERSON, Grantor.Method.DIGITAL, NOW, "personal-link", null,
                Set.of(DataCategory.CONTACT, DataCategory.CONCERNS)), NOW, RULES, CONFIRMERS);

        assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(consent.newEvents()).extracting(PendingEvent::type)
                .containsExactly("consent.granted.v1", "consent.changed.v1");
        PendingEvent changed = consent.newEvents().get(1);
        assertThat(changed.data()).containsEntry("change", "GRANTED").containsEntry("role", "YOUNG_PERSON")
                .containsEntry("categories", List.of("CONCERNS", "CONTACT"));
        assertMatchesContract(changed);
    }

    @Test
    void theContractExamplesMatchTheirSchemas() {
        for (String type : List.of("consent.granted.v1", "consent.withdrawn.v1", "consent.expired.v1",
                "consent.changed.v1", "consent.erasure-requested.v1")) {
            Contracts.assertMatchesSchema("consent-service", type, read(type));
        }
    }

    private static String read(String type) {
        try {
            return java.nio.file.Files.readString(Contracts.folder("consent-service").resolve(type + ".example.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyChangeAppendsAVersionSayingWhoAndHowAndTheDraftsGetsItsAuthorWhenSaid() {
        Consent consent = draft(2);
        consent.changedBy("caseworker");
        consent.grant(grantor(null, Set.of(DataCategory.CONTACT, DataCategory.CONCERNS)), NOW, RULES, CONFIRMERS);
        consent.changedBy("personal-link:CUSTODY_HOLDER");
        consent.refuse(Grantor.Role.CUSTODY_HOLDER, NOW, CONFIRMERS);

        assertThat(consent.versions()).extracting(ConsentVersion::number, ConsentVersion::change, ConsentVersion::by,
                ConsentVersion::method, ConsentVersion::status).containsExactly(
                tuple(1, ConsentVersion.Change.CREATED, "caseworker", null, ConsentStatus.DRAFT),
                tuple(2, ConsentVersion.Change.GRANTED, "caseworker", Grantor.Method.SIGNED_PAPER, ConsentStatus.DRAFT),
                tuple(3, ConsentVersion.Change.REFUSED, "personal-link:CUSTODY_HOLDER", null, ConsentStatus.WITHDRAWN));
        assertThat(consent.versions().get(1).categories()).as("the effective scope after the change")
                .containsExactlyInAnyOrder(DataCategory.CONTACT, DataCategory.CONCERNS);
        assertThat(consent.newVersions()).hasSize(3);
        consent.versionsWritten();
        assertThat(consent.newVersions()).as("written once").isEmpty();
        assertThat(consent.versions()).hasSize(3);
    }

    private static void assertMatchesContract(PendingEvent event) throws Exception {
        Contracts.assertMatchesSchema("consent-service", event.type(), JSON.writeValueAsString(event.data()));
    }

    private static Consent draft(int custodyHolders) {
        return Consent.draft(UUID.randomUUID().toString(), null, "0751", UUID.randomUUID().toString(), List.of("URK_AAR"),
                "POWERKIDS", EnumSet.of(Purpose.REFERRAL_AND_DELIVERY, Purpose.PROGRESS_TO_REFERRER),
                EnumSet.of(DataCategory.CONTACT, DataCategory.CONCERNS, DataCategory.CHILD_VIEW), TODAY,
                TODAY.plusMonths(6), custodyHolders, false, "da-2026-1", NOW);
    }

    private static IntendedUse use(Purpose purpose, DataCategory category) {
        return new IntendedUse("URK_AAR", purpose, Set.of(category), TODAY);
    }

    private static Grantor grantor(Set<Purpose> purposes, Set<DataCategory> categories) {
        return new Grantor(Grantor.Role.CUSTODY_HOLDER, Grantor.Method.SIGNED_PAPER, NOW, "caseworker", purposes,
                categories);
    }
}
