package dk.earlyhelp.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.platform.events.PendingEvent;

/** The lifecycle rules of a referral and the events its changes record. */
class ReferralTests {

    static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    static final Referrer TEACHER = new Referrer("teacher", "0751", "TEACHER");
    static final Child ALMA = new Child("child-1", "Alma", "Jensen", LocalDate.of(2015, 3, 14), Child.Gender.GIRL,
            null, null, null);

    static Referral referral(boolean submit) {
        return Referral.create("r-1", TEACHER, ALMA, "POWERKIDS", List.of("PARENTAL_DIVORCE"), Urgency.NORMAL,
                new ChildView("hard", "wish"), submit, NOW);
    }

    @Test
    void aDraftRecordsNoEventUntilItIsSubmitted() {
        Referral draft = referral(false);
        assertThat(draft.status()).isEqualTo(ReferralStatus.DRAFT);
        assertThat(draft.pendingEvents()).isEmpty();

        draft.submit("teacher", NOW);

        assertThat(draft.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(draft.newEvents()).extracting(PendingEvent::type).containsExactly(ReferralSubmitted.TYPE);
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
        assertThatThrownBy(() -> referral.submit("teacher", NOW)).isInstanceOf(Referral.IllegalTransition.class);
    }

    @Test
    void appliesTheNgosNewsInLifecycleOrderAndEachEventOnce() {
        Referral referral = referral(true);

        assertThat(referral.applyNgoDecision("e1", ReferralStatus.RECEIVED, null, null, NOW)).isTrue();
        assertThat(referral.applyNgoDecision("e2", ReferralStatus.DECLINED, "OUTSIDE_TARGET_GROUP", "SAMTALEGRUPPER",
                NOW)).isTrue();
        assertThat(referral.applyNgoDecision("e1", ReferralStatus.RECEIVED, null, null, NOW))
                .as("a late, older event").isFalse();

        assertThat(referral.status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(referral.suggestedInterventionCode()).isEqualTo("SAMTALEGRUPPER");
        assertThat(referral.isOpen()).isFalse();
    }

    @Test
    void newsAboutAWithdrawnReferralChangesNothing() {
        Referral referral = referral(true);
        referral.withdraw("teacher", "No longer needed", NOW);

        assertThat(referral.applyNgoDecision("e1", ReferralStatus.ACCEPTED, null, null, NOW)).isFalse();
        assertThat(referral.status()).isEqualTo(ReferralStatus.WITHDRAWN);
    }
}
