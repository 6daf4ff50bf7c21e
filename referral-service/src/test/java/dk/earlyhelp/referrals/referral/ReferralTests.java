package dk.earlyhelp.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.platform.events.PendingEvent;
import dk.earlyhelp.referrals.eligibility.Criterion;
import dk.earlyhelp.referrals.eligibility.CriterionResult;
import dk.earlyhelp.referrals.eligibility.Eligibility;

/** The lifecycle rules of a referral and the events its changes record. */
class ReferralTests {

    static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    static final String CONSENT_ID = "consent-1";
    static final Referral.SharingConsent CONSENT = new Referral.SharingConsent(CONSENT_ID, true);
    static final Referrer TEACHER = new Referrer("teacher", "0751", "TEACHER", "teacher@example.org", "TEAM-1");
    static final Child ALMA = new Child("child-1", "Alma", "Jensen", LocalDate.of(2015, 3, 14), Child.Gender.GIRL,
            null, null, null);

    static final Eligibility FITS = new Eligibility(Eligibility.Verdict.ELIGIBLE, List.of(), null);
    static final Eligibility TOO_OLD = new Eligibility(Eligibility.Verdict.OVERRIDE_REQUIRED,
            List.of(new CriterionResult(Criterion.AGE, CriterionResult.Outcome.FAIL, false, "too old", List.of())),
            null);
    static final Eligibility EXCLUDED = new Eligibility(Eligibility.Verdict.EXCLUDED,
            List.of(new CriterionResult(Criterion.EXCLUSION, CriterionResult.Outcome.FAIL, true, "safety",
                    List.of("OWN_SUICIDE_ATTEMPT"))), "Child and adolescent psychiatry");

    static Referral referral(boolean submit) {
        Referral referral = Referral.draft("r-1", TEACHER, content(ALMA, "hard", null), NOW);
        if (submit) {
            referral.submit("teacher", FITS, CONSENT, NOW);
            referral.settleForInsert();
        }
        return referral;
    }

    static Referral.NgoNews news(ReferralStatus status, String reason, String suggestion) {
        return new Referral.NgoNews(status, reason, suggestion, null, NOW);
    }

    static ReferralContent content(Child child, String whatIsHard, String overrideReason) {
        return new ReferralContent(child, List.of(new CustodyHolder("Hanne Jensen", "MOTHER", "+45 20304050", null)),
                "POWERKIDS", List.of("PARENTAL_DIVORCE"), Urgency.NORMAL, new ChildView(whatIsHard, "wish"), null,
                overrideReason);
    }

    @Test
    void aDraftMayLackPartsButCannotBeSubmittedUntilComplete() {
        Child unnamed = new Child(null, "Alma", null, null, Child.Gender.GIRL, null, null, null);
        ReferralContent partly = content(unnamed, " ", null);
        Referral draft = Referral.draft("r-1", TEACHER, new ReferralContent(unnamed,
                List.of(new CustodyHolder("Hanne Jensen", "MOTHER", null, null)), partly.interventionCode(),
                partly.concerns(), partly.urgency(), partly.childView(), null, null), NOW);

        assertThatThrownBy(() -> draft.submit("teacher", FITS, CONSENT, NOW)).isInstanceOfSatisfying(Referral.Incomplete.class,
                e -> assertThat(e.missingFields()).as("a custody holder without phone or e-mail cannot be reached")
                        .containsExactly("child.lastName", "child.birthDate", "custodyHolders",
                                "childView.whatIsHard"));

        draft.revise(content(ALMA, "hard", null));
        draft.submit("teacher", FITS, CONSENT, NOW);
        assertThat(draft.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThatThrownBy(() -> draft.revise(content(ALMA, "changed", null)))
                .isInstanceOf(Referral.IllegalTransition.class);
    }

    @Test
    void anExclusionBlocksAndASoftFailureNeedsTheReferrersReason() {
        Referral excluded = Referral.draft("r-1", TEACHER, content(ALMA, "hard", "please"), NOW);
        assertThatThrownBy(() -> excluded.submit("teacher", EXCLUDED, CONSENT, NOW)).isInstanceOf(Referral.Ineligible.class);
        assertThat(excluded.status()).isEqualTo(ReferralStatus.DRAFT);

        Referral withoutReason = Referral.draft("r-2", TEACHER, content(ALMA, "hard", null), NOW);
        assertThatThrownBy(() -> withoutReason.submit("teacher", TOO_OLD, CONSENT, NOW)).isInstanceOf(Referral.Ineligible.class);

        Referral withReason = Referral.draft("r-3", TEACHER, content(ALMA, "hard", "Mature for her age"), NOW);
        withReason.submit("teacher", TOO_OLD, CONSENT, NOW);
        assertThat(withReason.overriddenCriteria()).containsExactly("AGE");
        assertThat(withReason.newEvents().get(0).data()).containsEntry("overriddenCriteria", List.of("AGE"))
                .as("free text stays in the service").doesNotContainValue("Mature for her age");
    }

    @Test
    void aDraftRecordsNoEventUntilItIsSubmitted() {
        Referral draft = referral(false);
        assertThat(draft.status()).isEqualTo(ReferralStatus.DRAFT);
        assertThat(draft.pendingEvents()).isEmpty();

        draft.submit("teacher", FITS, CONSENT, NOW);

        assertThat(draft.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(draft.newEvents()).extracting(PendingEvent::type).containsExactly(ReferralSubmitted.TYPE);
    }

    @Test
    void withoutConsentASubmittedReferralWaitsAndGoesToTheNgoOnceTheConsentComes() {
        Referral referral = Referral.draft("r-1", TEACHER, content(ALMA, "hard", null), NOW);
        referral.submit("teacher", FITS, null, NOW);

        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.awaitsConsent()).isTrue();
        assertThat(referral.sharedWithNgo()).isFalse();
        assertThat(referral.newEvents()).as("the NGO hears nothing yet").isEmpty();
        assertThat(referral.applyNgoDecision("e0", news(ReferralStatus.RECEIVED, null, null), true))
                .as("news about a referral the NGO never got").isFalse();

        assertThat(referral.consentGiven("c1", CONSENT, NOW)).isTrue();
        assertThat(referral.consentGiven("c2", new Referral.SharingConsent("consent-2", true), NOW))
                .as("already shared").isFalse();

        assertThat(referral.sharedWithNgo()).isTrue();
        assertThat(referral.consentId()).isEqualTo(CONSENT_ID);
        assertThat(referral.newEvents()).extracting(PendingEvent::type)
                .containsExactly(ReferralSubmitted.TYPE, ReferralUpdated.TYPE);
        assertThat(referral.newEvents().get(1).data()).containsEntry("consent", "GIVEN");
    }

    @Test
    void aRefusalStopsOnlyTheReferralItWasAskedForAndAWithdrawalOnlyTheOneSharedUnderIt() {
        Referral waiting = Referral.draft("r-1", TEACHER, content(ALMA, "hard", null), NOW);
        waiting.submit("teacher", FITS, null, NOW);
        assertThat(waiting.consentEnded("e1", "other-consent", "r-2", true, NOW)).isFalse();
        assertThat(waiting.consentEnded("e2", "asked-consent", "r-1", true, NOW)).isTrue();
        assertThat(waiting.consentState()).isEqualTo(ConsentState.REFUSED);
        assertThat(waiting.consentGiven("e3", CONSENT, NOW)).as("no longer waiting").isFalse();

        Referral shared = referral(true);
        assertThat(shared.consentEnded("e4", "other-consent", null, false, NOW)).isFalse();
        assertThat(shared.consentEnded("e5", CONSENT_ID, null, false, NOW)).isTrue();
        assertThat(shared.consentState()).isEqualTo(ConsentState.WITHDRAWN);
        assertThat(shared.newEvents()).singleElement().satisfies(event ->
                assertThat(event.data()).containsEntry("consent", "WITHDRAWN").containsEntry("status", "SUBMITTED"));
    }

    @Test
    void theCoursesProgressReachesTheReferrerOnlyUnderAConsentThatLetsTheNgoReportIt() {
        Referral told = Referral.draft("r-1", TEACHER, content(ALMA, "hard", null), NOW);
        told.submit("teacher", FITS, CONSENT, NOW);
        Referral notTold = Referral.draft("r-2", TEACHER, content(ALMA, "hard", null), NOW);
        notTold.submit("teacher", FITS, new Referral.SharingConsent(CONSENT_ID, false), NOW);
        for (Referral referral : List.of(told, notTold)) {
            assertThat(referral.applyNgoDecision("a", news(ReferralStatus.ACCEPTED, null, null), true))
                    .as("the decision itself is part of referring").isTrue();
        }

        assertThat(told.applyNgoDecision("s", news(ReferralStatus.STARTED, null, null), true)).isTrue();
        assertThat(told.applyNgoDecision("c", new Referral.NgoNews(ReferralStatus.COMPLETED, null, null, null, true,
                NOW), true)).isTrue();
        assertThat(told.needsAnotherOffer()).isTrue();
        assertThat(notTold.applyNgoDecision("s", news(ReferralStatus.STARTED, null, null), true)).isFalse();
        assertThat(notTold.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(notTold.progressToReferrer()).isFalse();

        Referral withdrawn = Referral.draft("r-3", TEACHER, content(ALMA, "hard", null), NOW);
        withdrawn.submit("teacher", FITS, CONSENT, NOW);
        withdrawn.applyNgoDecision("a", news(ReferralStatus.ACCEPTED, null, null), true);
        withdrawn.consentEnded("w", CONSENT_ID, null, false, NOW);
        assertThat(withdrawn.applyNgoDecision("s", news(ReferralStatus.STARTED, null, null), true))
                .as("nothing more after a withdrawal").isFalse();
    }

    @Test
    void theEndOfAConsentEndsTheFollowingItAllowed() {
        Referral referral = Referral.draft("r-5", TEACHER, content(ALMA, "hard", null), NOW);
        referral.submit("teacher", FITS, CONSENT, NOW);
        referral.addFollower(new Follower("psychologist@example.org", "SCHOOL_PSYCHOLOGIST", NOW, "teacher", "c-1"));
        referral.addFollower(new Follower("nurse@example.org", "HEALTH_VISITOR", NOW, "teacher", "c-2"));
        referral.addFollower(new Follower("nurse@example.org", "HEALTH_VISITOR", NOW, "teacher", "c-2"));

        assertThat(referral.consentEnded("w", "c-1", null, false, NOW)).isTrue();

        assertThat(referral.followers()).extracting(Follower::email).containsExactly("nurse@example.org");
        assertThat(referral.consentState()).as("the NGO's consent is another").isEqualTo(ConsentState.GIVEN);
        assertThat(referral.consentEnded("w2", "c-9", null, false, NOW)).as("nothing of its own").isFalse();
    }

    @Test
    void anAggregatesOnlyPartnershipReportsNoProgressWhateverTheConsentSays() {
        Referral referral = Referral.draft("r-4", TEACHER, content(ALMA, "hard", null), NOW);
        referral.submit("teacher", FITS, CONSENT, NOW);
        assertThat(referral.applyNgoDecision("a", news(ReferralStatus.ACCEPTED, null, null), false))
                .as("the decision is not progress").isTrue();

        assertThat(referral.applyNgoDecision("s", news(ReferralStatus.STARTED, null, null), false))
                .as("the referral learns the policy changed since it was shared").isTrue();
        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.progressWithheldBy()).isEqualTo("PARTNERSHIP");
        assertThat(referral.applyNgoDecision("c", news(ReferralStatus.COMPLETED, null, null), false)).isFalse();

        Referral sharedUnderIt = Referral.draft("r-6", TEACHER, content(ALMA, "hard", null), NOW);
        sharedUnderIt.submit("teacher", FITS, new Referral.SharingConsent(CONSENT_ID, true, false), NOW);
        assertThat(sharedUnderIt.progressToReferrer()).isFalse();
        assertThat(sharedUnderIt.progressWithheldBy()).isEqualTo("PARTNERSHIP");
        Referral notConsented = Referral.draft("r-7", TEACHER, content(ALMA, "hard", null), NOW);
        notConsented.submit("teacher", FITS, new Referral.SharingConsent(CONSENT_ID, false, true), NOW);
        assertThat(notConsented.progressWithheldBy()).isEqualTo("CONSENT");
    }

    /**
     * The administrator may turn a partnership back to sharing progress with consent (a new version of
     * its terms); a child referred while it shared aggregates only keeps the confidential space they
     * were promised: the stricter policy wins (CatalogueAdministration in ngo-service).
     */
    @Test
    void aChildReferredUnderAggregatesOnlyKeepsItWhenThePartnershipTurnsBackToSharingProgress() {
        Referral sharedUnderIt = Referral.draft("r-8", TEACHER, content(ALMA, "hard", null), NOW);
        sharedUnderIt.submit("teacher", FITS, new Referral.SharingConsent(CONSENT_ID, true, false), NOW);
        sharedUnderIt.applyNgoDecision("a", news(ReferralStatus.ACCEPTED, null, null), true);

        assertThat(sharedUnderIt.applyNgoDecision("s", news(ReferralStatus.STARTED, null, null), true))
                .as("the policy now shares progress, not for this child").isFalse();
        assertThat(sharedUnderIt.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(sharedUnderIt.progressWithheldBy()).isEqualTo("PARTNERSHIP");
    }

    @Test
    void submittedAtOnceCarriesItsEventInTheDocument() {
        Referral submitted = referral(true);

        assertThat(submitted.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(ReferralSubmitted.TYPE);
            assertThat(event.key()).isEqualTo("r-1");
            assertThat(event.data()).containsEntry("childAge", 11).containsEntry("childId", "child-1")
                    .doesNotContainValue("Alma");
        });
        assertThat(submitted.timeline()).extracting(TimelineEntry::status)
                .containsExactly(ReferralStatus.DRAFT, ReferralStatus.SUBMITTED);
    }

    @Test
    void withdrawingNeedsAReasonAndIsPossibleOnlyWhileOpen() {
        Referral referral = referral(true);
        assertThatThrownBy(() -> referral.withdraw("teacher", " ", NOW)).isInstanceOf(Referral.ReasonRequired.class);

        referral.withdraw("teacher", "The family moved", NOW);

        assertThat(referral.status()).isEqualTo(ReferralStatus.WITHDRAWN);
        assertThat(referral.newEvents()).extracting(PendingEvent::type).containsExactly(ReferralWithdrawn.TYPE);
        assertThat(referral.newEvents().get(0).data()).doesNotContainValue("The family moved");
        assertThatThrownBy(() -> referral.withdraw("teacher", "again", NOW))
                .isInstanceOf(Referral.IllegalTransition.class);
        assertThatThrownBy(() -> referral.submit("teacher", FITS, CONSENT, NOW)).isInstanceOf(Referral.IllegalTransition.class);
    }

    @Test
    void aChildWhoDropsOutBeforeTheStartIsToldToTheReferrerToo() {
        for (ReferralStatus waiting : List.of(ReferralStatus.ACCEPTED, ReferralStatus.WAITLISTED,
                ReferralStatus.MATCHED)) {
            Referral referral = referral(true);
            referral.applyNgoDecision("a", news(waiting == ReferralStatus.MATCHED ? ReferralStatus.ACCEPTED : waiting,
                    null, null), true);
            if (waiting == ReferralStatus.MATCHED) {
                referral.applyNgoDecision("m", news(waiting, null, null), true);
            }
            assertThat(referral.status()).isEqualTo(waiting);

            assertThat(referral.applyNgoDecision("d", news(ReferralStatus.DROPPED_OUT, "CHILD_LOST_INTEREST", null),
                    true)).as("from " + waiting).isTrue();
            assertThat(referral.status()).isEqualTo(ReferralStatus.DROPPED_OUT);
            assertThat(referral.isOpen()).isFalse();
        }
    }

    @Test
    void appliesTheNgosNewsInLifecycleOrderAndEachEventOnce() {
        Referral referral = referral(true);

        assertThat(referral.applyNgoDecision("e1", news(ReferralStatus.RECEIVED, null, null), true)).isTrue();
        assertThat(referral.applyNgoDecision("e2", news(ReferralStatus.DECLINED, "OUTSIDE_TARGET_GROUP",
                "SAMTALEGRUPPER"), true)).isTrue();
        assertThat(referral.applyNgoDecision("e1", news(ReferralStatus.RECEIVED, null, null), true))
                .as("a late, older event").isFalse();

        assertThat(referral.status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(referral.suggestedInterventionCode()).isEqualTo("SAMTALEGRUPPER");
        assertThat(referral.isOpen()).isFalse();
        assertThat(referral.newEvents()).extracting(PendingEvent::type)
                .containsExactly(ReferralUpdated.TYPE, ReferralUpdated.TYPE);
        assertThat(referral.newEvents().get(1).data()).containsEntry("status", "DECLINED")
                .containsEntry("reason", "OUTSIDE_TARGET_GROUP").doesNotContainValue("Alma");
    }

    @Test
    void aWaitlistedReferralKeepsTheExpectedStartUntilTheNgoSaysAnother() {
        Referral referral = referral(true);

        referral.applyNgoDecision("e1", new Referral.NgoNews(ReferralStatus.WAITLISTED, null, null,
                LocalDate.of(2027, 1, 11), NOW), true);
        referral.applyNgoDecision("e2", news(ReferralStatus.ACCEPTED, null, null), true);

        assertThat(referral.expectedStart()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(referral.newEvents().get(0).data()).containsEntry("expectedStart", "2027-01-11");
    }

    @Test
    void newsAboutAWithdrawnReferralChangesNothing() {
        Referral referral = referral(true);
        referral.withdraw("teacher", "No longer needed", NOW);

        assertThat(referral.applyNgoDecision("e1", news(ReferralStatus.ACCEPTED, null, null), true)).isFalse();
        assertThat(referral.status()).isEqualTo(ReferralStatus.WITHDRAWN);
    }
}
