package dk.earlyhelp.consent.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * CONSENT.md rule 3 and the settings of rules 2 and 3 on the consent: what it permits follows the
 * child's age on the day asked, while its status records only what happened to it.
 */
class AgeRuleTests {

    static final LocalDate RECORDED = LocalDate.parse("2026-11-25");
    static final LocalDate FIFTEENTH = LocalDate.parse("2026-12-10");
    /** Turns 15 on {@link #FIFTEENTH}. */
    static final LocalDate BORN = FIFTEENTH.minusYears(15);
    static final List<String> CONFIRMERS = List.of("ngo-service");
    static final ConsentRules RULES = ConsentRules.DEFAULTS;

    @Test
    void aConsentGivenAt14PausesAtThe15thBirthdayUntilTheYoungPersonConsents() {
        Consent consent = draft(BORN, RECORDED, 2);
        consent.grant(custodyHolder(null), at(RECORDED), RULES, CONFIRMERS);
        consent.grant(custodyHolder(null), at(RECORDED), RULES, CONFIRMERS);

        assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(permits(consent, FIFTEENTH.minusDays(1))).as("the day before the birthday").isTrue();
        assertThat(consent.ageRuleNote(FIFTEENTH.minusDays(1), RULES)).isNull();

        assertThat(permits(consent, FIFTEENTH)).as("from the 15th birthday").isFalse();
        assertThat(consent.status()).as("a pause, not an end").isEqualTo(ConsentStatus.ACTIVE);
        assertThat(consent.inForceOn(FIFTEENTH, RULES)).isFalse();
        assertThat(consent.ageRuleNote(FIFTEENTH, RULES)).isEqualTo(AgeRuleNote.YOUNG_PERSON_CONSENT_NEEDED);

        consent.grant(youngPerson(Set.of(DataCategory.CONTACT)), at(FIFTEENTH), RULES, CONFIRMERS);

        assertThat(permits(consent, FIFTEENTH)).isTrue();
        assertThat(consent.permits(new IntendedUse("URK_AAR", Purpose.REFERRAL_AND_DELIVERY,
                Set.of(DataCategory.CONCERNS), FIFTEENTH), RULES)).as("the young person's ticks narrow it").isFalse();
        assertThat(consent.ageRuleNote(FIFTEENTH, RULES)).isNull();
        assertThat(consent.newEvents()).extracting(PendingEvent::type)
                .as("granted once; the pause is not announced, the young person's narrower consent is")
                .containsExactly("consent.granted.v1", "consent.changed.v1");
        assertThat(consent.newEvents().get(1).data()).containsEntry("categories", java.util.List.of("CONTACT"));
    }

    @Test
    void fromThe15thBirthdayADraftNeedsTheYoungPersonToo() {
        Consent consent = draft(BORN, FIFTEENTH, 1);
        consent.grant(custodyHolder(null), at(FIFTEENTH), RULES, CONFIRMERS);

        assertThat(consent.status()).isEqualTo(ConsentStatus.DRAFT);
        assertThat(consent.ageRuleNote(FIFTEENTH, RULES)).isEqualTo(AgeRuleNote.YOUNG_PERSON_CONSENT_NEEDED);
        consent.grant(youngPerson(null), at(FIFTEENTH), RULES, CONFIRMERS);
        assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(permits(consent, FIFTEENTH)).isTrue();
    }

    @Test
    void at18TheCustodyHoldersConsentLapsesAndTheYoungAdultDecidesAlone() {
        LocalDate eighteenth = FIFTEENTH.plusYears(3);
        LocalDate recorded = eighteenth.minusMonths(2);
        Consent consent = draft(BORN, recorded, 1);
        consent.grant(custodyHolder(Set.of(DataCategory.CONTACT)), at(recorded), RULES, CONFIRMERS);
        consent.grant(youngPerson(null), at(recorded), RULES, CONFIRMERS);
        IntendedUse concerns = new IntendedUse("URK_AAR", Purpose.REFERRAL_AND_DELIVERY, Set.of(DataCategory.CONCERNS),
                eighteenth);

        assertThat(consent.permits(new IntendedUse("URK_AAR", Purpose.REFERRAL_AND_DELIVERY,
                Set.of(DataCategory.CONCERNS), eighteenth.minusDays(1)), RULES)).as("the parent left it out").isFalse();
        assertThat(consent.permits(concerns, RULES)).as("the parent's ticks no longer count").isTrue();

        Consent parentsOnly = draft(BORN, recorded, 1);
        parentsOnly.grant(custodyHolder(null), at(recorded), RULES, CONFIRMERS);
        assertThat(parentsOnly.ageRuleNote(eighteenth, RULES)).isEqualTo(AgeRuleNote.ADULT_CONSENT_NEEDED);
        assertThatThrownBy(() -> parentsOnly.grant(custodyHolder(null), at(eighteenth), RULES, CONFIRMERS))
                .isInstanceOf(Consent.IllegalState.class).hasMessageContaining("young adult decides alone");
        parentsOnly.grant(youngPerson(null), at(eighteenth), RULES, CONFIRMERS);
        assertThat(parentsOnly.status()).as("the young adult's own consent suffices").isEqualTo(ConsentStatus.ACTIVE);
        assertThat(permits(parentsOnly, eighteenth)).isTrue();
    }

    @Test
    void theYoungPersonsRefusalOfAnActiveConsentEndsItAsAWithdrawal() {
        Consent consent = draft(BORN, RECORDED, 1);
        consent.grant(custodyHolder(null), at(RECORDED), RULES, CONFIRMERS);

        consent.refuse(Grantor.Role.YOUNG_PERSON, at(FIFTEENTH), CONFIRMERS);

        assertThat(consent.status()).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(consent.refused()).as("refused means: before it was active").isFalse();
        assertThat(consent.missingConfirmations()).containsExactly("ngo-service");
        assertThat(consent.newEvents().get(1).data()).containsEntry("wasActive", true).containsEntry("refused", false);
        Consent unticked = draft(BORN, RECORDED, 1);
        unticked.grant(custodyHolder(null), at(RECORDED), RULES, CONFIRMERS);
        unticked.grant(new Grantor(Grantor.Role.YOUNG_PERSON, Grantor.Method.VERBAL_RECORDED, at(FIFTEENTH), "caseworker",
                Set.of(Purpose.PROGRESS_TO_REFERRER), null), at(FIFTEENTH), RULES, CONFIRMERS);
        assertThat(unticked.status()).as("ticks without the referral are a no").isEqualTo(ConsentStatus.WITHDRAWN);
    }

    @Test
    void anActiveConsentTakesOnlyTheYoungPersonsOwnConsentAndOnlyOnce() {
        Consent consent = draft(BORN, RECORDED, 1);
        consent.grant(custodyHolder(null), at(RECORDED), RULES, CONFIRMERS);

        assertThatThrownBy(() -> consent.grant(custodyHolder(null), at(RECORDED), RULES, CONFIRMERS))
                .isInstanceOf(Consent.IllegalState.class);
        consent.invite(Invitation.toGive(Grantor.Role.YOUNG_PERSON, "hash", "ung@example.org", "da", at(RECORDED),
                at(RECORDED.plusDays(14))));
        consent.grant(youngPerson(null), at(RECORDED), RULES, CONFIRMERS);
        assertThatThrownBy(() -> consent.grant(youngPerson(null), at(RECORDED), RULES, CONFIRMERS))
                .isInstanceOf(Consent.IllegalState.class);
        assertThatThrownBy(() -> consent.invite(Invitation.toGive(Grantor.Role.YOUNG_PERSON, "hash-2",
                "ung@example.org", "da", at(RECORDED), at(RECORDED.plusDays(14))))).isInstanceOf(Consent.IllegalState.class);
    }

    @Test
    void theSettingsDecideHowManyCustodyHoldersAndWhetherTheYoungPersonCoConsents() {
        ConsentRules oneSuffices = new ConsentRules(false, 15, 18);
        ConsentRules noCoConsent = new ConsentRules(true, 0, 18);
        Consent jointCustody = draft(BORN, RECORDED, 2);
        jointCustody.grant(custodyHolder(null), at(RECORDED), oneSuffices, CONFIRMERS);

        assertThat(jointCustody.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(permits(jointCustody, RECORDED, oneSuffices)).isTrue();
        assertThat(permits(jointCustody, RECORDED, RULES)).as("the setting changed back: all again").isFalse();
        assertThat(permits(jointCustody, FIFTEENTH, new ConsentRules(false, 0, 18))).isTrue();
        assertThat(noCoConsent.youngPersonFrom()).as("0 switches it off").isNull();
        assertThat(noCoConsent.ageRule(BORN, true, FIFTEENTH)).isEqualTo(AgeRule.CUSTODY_HOLDERS);
        assertThat(RULES.ageRule(null, true, FIFTEENTH)).as("no birth date: as staff recorded it")
                .isEqualTo(AgeRule.WITH_YOUNG_PERSON);
        assertThat(RULES.ageRule(null, false, FIFTEENTH.plusYears(10))).isEqualTo(AgeRule.CUSTODY_HOLDERS);
    }

    @Test
    void aChildBornOn29FebruaryTurnsAYearOlderOn1MarchInOtherYears() {
        LocalDate born = LocalDate.parse("2012-02-29");

        assertThat(RULES.ageRule(born, false, LocalDate.parse("2027-02-28"))).isEqualTo(AgeRule.CUSTODY_HOLDERS);
        assertThat(RULES.ageRule(born, false, LocalDate.parse("2027-03-01"))).isEqualTo(AgeRule.WITH_YOUNG_PERSON);
        assertThat(RULES.ageRule(born, false, LocalDate.parse("2030-03-01"))).isEqualTo(AgeRule.YOUNG_ADULT);
    }

    @Test
    void theSettingsBindWithTheirDefaults() {
        assertThat(bind(Map.of())).isEqualTo(ConsentRules.DEFAULTS);
        assertThat(bind(Map.of("earlyhelp.consent.rules.all-custody-holders", "false",
                "earlyhelp.consent.rules.young-person-from", "0", "earlyhelp.consent.rules.adult-at", "18")))
                .isEqualTo(new ConsentRules(false, null, 18));
        assertThat(bind(Map.of("earlyhelp.consent.rules.young-person-from", "")).youngPersonFrom())
                .as("empty keeps the default").isEqualTo(15);
        assertThatThrownBy(() -> new ConsentRules(true, 15, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ConsentRules bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("earlyhelp.consent.rules",
                ConsentRules.class);
    }

    private static boolean permits(Consent consent, LocalDate day) {
        return permits(consent, day, RULES);
    }

    private static boolean permits(Consent consent, LocalDate day, ConsentRules rules) {
        return consent.permits(new IntendedUse("URK_AAR", Purpose.REFERRAL_AND_DELIVERY, Set.of(DataCategory.CONTACT),
                day), rules);
    }

    /** Noon in Copenhagen on that day. */
    private static Instant at(LocalDate day) {
        return day.atTime(12, 0).atZone(Consent.ZONE).toInstant();
    }

    private static Consent draft(LocalDate born, LocalDate from, int custodyHolders) {
        return Consent.draft(UUID.randomUUID().toString(), born, "0751", null, List.of("URK_AAR"), null,
                EnumSet.of(Purpose.REFERRAL_AND_DELIVERY, Purpose.PROGRESS_TO_REFERRER),
                EnumSet.of(DataCategory.CONTACT, DataCategory.CONCERNS), from, from.plusMonths(6), custodyHolders, false,
                "da-2026-1", at(from));
    }

    private static Grantor custodyHolder(Set<DataCategory> categories) {
        return new Grantor(Grantor.Role.CUSTODY_HOLDER, Grantor.Method.SIGNED_PAPER, Instant.now(), "caseworker", null,
                categories);
    }

    private static Grantor youngPerson(Set<DataCategory> categories) {
        return new Grantor(Grantor.Role.YOUNG_PERSON, Grantor.Method.VERBAL_RECORDED, Instant.now(), "caseworker", null,
                categories);
    }
}
