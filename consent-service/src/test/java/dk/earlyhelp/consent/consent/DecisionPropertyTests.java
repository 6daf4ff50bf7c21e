package dk.earlyhelp.consent.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Properties of the decision ({@link Decision#of}, the one pure function of the child's consents,
 * the intended use and {@link ConsentRules}) over generated consents (statuses, grantees, purposes,
 * categories, periods, grantors with roles and ticks, birth dates, settings) and generated uses,
 * checked against an oracle written here from the rule texts of CONSENT.md, not from the code:
 * rule 1 (default deny), 2 (all custody holders), 3 (15 and over, 18 alone), 4 (specific or
 * nothing), 6 (expiry) and 9 (evaluation needs its purpose; research is never implied).
 * <p>
 * Rule 7 (no consent service, no sharing) is the callers' rule: they deny when this service cannot
 * answer. It is tested where it is enforced, in referral-service (the consent client's fail-closed
 * circuit breaker).
 * <p>
 * Plain JUnit with a seeded generator and no property-testing library: each property runs its
 * tries from one seed, which a failure names together with the generated case;
 * {@code -Dconsent.properties.seed=<seed>} replays a run.
 */
class DecisionPropertyTests {

    static final int TRIES = 1000;
    static final long SEED = Long.getLong("consent.properties.seed", new Random().nextLong());
    static final List<String> NGOS = List.of("URK_AAR", "URK_KBH", "BORNS_VILKAAR");
    static final LocalDate AROUND = LocalDate.parse("2026-11-25");

    @Test
    void theDecisionAgreesWithTheRuleTextsOnEveryGeneratedCase() {
        int[] permits = new int[1];
        forAll(TRIES, DecisionPropertyTests::anyCase, c -> {
            Decision decision = Decision.of(c.consents(), c.use(), c.rules());
            List<String> permitting = c.specs().entrySet().stream()
                    .filter(entry -> Oracle.permits(entry.getValue(), c.use(), c.rules()))
                    .map(entry -> entry.getKey().id()).toList();

            assertThat(decision.permitted()).as("permitted").isEqualTo(!permitting.isEmpty());
            if (decision.permitted()) {
                assertThat(permitting).as("under a consent that permits").contains(decision.consentId());
                permits[0]++;
            } else if (decision.permittedCategories().isEmpty()) {
                assertThat(decision.consentId()).isNull();
            } else {
                assertThat(c.specs().keySet()).as("a part permitted names a consent that permits some of it")
                        .anySatisfy(consent -> assertThat(consent.id()).isEqualTo(decision.consentId()));
            }
            assertThat(decision.permittedCategories()).as("permitted categories")
                    .isEqualTo(Oracle.permittedCategories(List.copyOf(c.specs().values()), c.use(), c.rules()));
        });
        assertThat(permits[0]).as("enough generated cases permit to tell the rules apart").isGreaterThan(TRIES / 10);
    }

    /** Rule 1: a consent that permits a use permits nothing beside it (NGO, purpose, category, day). */
    @Test
    void anythingOutsideAConsentThatPermitsIsDenied() {
        forAll(TRIES / 2, DecisionPropertyTests::permittingCase, c -> {
            assertThat(decide(c)).as("the baseline permits").isTrue();
            ConsentSpec spec = c.spec();
            IntendedUse use = c.use();
            NGOS.stream().filter(ngo -> !spec.grantees().contains(ngo)).forEach(other ->
                    assertThat(decide(c.with(new IntendedUse(other, use.purpose(), use.categories(), use.day()))))
                            .as("an NGO not named: " + other).isFalse());
            EnumSet.complementOf(EnumSet.copyOf(spec.purposes())).forEach(purpose ->
                    assertThat(decide(c.with(new IntendedUse(use.ngoCode(), purpose, use.categories(), use.day()))))
                            .as("a purpose not named: " + purpose).isFalse());
            EnumSet.complementOf(EnumSet.copyOf(spec.categories())).forEach(category -> {
                Set<DataCategory> more = EnumSet.of(category);
                more.addAll(use.categories());
                assertThat(decide(c.with(new IntendedUse(use.ngoCode(), use.purpose(), more, use.day()))))
                        .as("a category not named: " + category).isFalse();
            });
            assertThat(decide(c.with(new IntendedUse(use.ngoCode(), use.purpose(), use.categories(),
                    spec.validFrom().minusDays(1))))).as("the day before it starts").isFalse();
        });
    }

    /** Rule 1 with the grantors' ticks: every grantor whose consent counts must have ticked it. */
    @Test
    void whatAGrantorLeftOutIsDenied() {
        forAll(TRIES / 2, gen -> {
            PermittingCase base = permittingCase(gen);
            Purpose purpose = base.use().purpose();
            DataCategory category = gen.oneOf(List.copyOf(base.spec().categories()));
            Set<Purpose> ticked = EnumSet.copyOf(base.spec().purposes());
            Set<DataCategory> tickedCategories = EnumSet.copyOf(base.spec().categories());
            if (gen.chance(0.5)) {
                ticked.remove(purpose);
            } else {
                tickedCategories.remove(category);
            }
            List<Grantor> grantors = new ArrayList<>(base.spec().grantors());
            int narrowing = gen.between(0, grantors.size() - 1);
            Grantor narrower = grantors.get(narrowing);
            grantors.set(narrowing, new Grantor(narrower.role(), narrower.method(), narrower.at(), "caseworker",
                    ticked, tickedCategories));
            Set<DataCategory> asked = EnumSet.of(category);
            asked.addAll(base.use().categories());
            return base.with(base.spec().withGrantors(grantors))
                    .with(new IntendedUse(base.use().ngoCode(), purpose, asked, base.use().day()));
        }, c -> assertThat(decide(c)).isEqualTo(Oracle.permits(c.spec(), c.use(), c.rules())).isFalse());
    }

    /** Rule 2: until every custody holder the setting requires has consented, it grants nothing; nor does a draft. */
    @Test
    void untilEveryRequiredCustodyHolderHasConsentedItGrantsNothing() {
        forAll(TRIES / 2, gen -> {
            AnyCase c = anyCase(gen);
            ConsentSpec spec = c.specs().values().iterator().next();
            int needed = c.rules().custodyHoldersNeeded(spec.custodyHoldersRequired());
            List<Grantor> fewer = new ArrayList<>(spec.grantors().stream()
                    .filter(g -> g.role() != Grantor.Role.CUSTODY_HOLDER).toList());
            for (int i = gen.between(0, needed - 1); i > 0; i--) {
                fewer.add(grantor(Grantor.Role.CUSTODY_HOLDER, null, null));
            }
            boolean adult = spec.childBirthDate() != null
                    && Oracle.ageOn(spec.childBirthDate(), c.use().day()) >= c.rules().adultAt();
            ConsentSpec stillDraftOrShort = gen.chance(0.5) && !adult ? spec.withGrantors(fewer)
                    : spec.withStatus(ConsentStatus.DRAFT);
            return new AnyCase(List.of(stillDraftOrShort), c.use(), c.rules());
        }, c -> assertThat(Decision.of(c.consents(), c.use(), c.rules()).permitted()).isFalse());
    }

    /** Rule 3: from the co-consent age the young person's own consent is needed; from adulthood theirs alone counts. */
    @Test
    void from15TheYoungPersonConsentsToo() {
        forAll(TRIES / 2, gen -> {
            PermittingCase base = permittingCase(gen);
            ConsentRules rules = new ConsentRules(gen.chance(0.5), gen.oneOf(List.of(14, 15, 16)), 18);
            int age = gen.between(rules.youngPersonFrom(), rules.adultAt() - 1);
            ConsentSpec withBirthDate = base.spec().withBirthDate(birthDateFor(gen, age, base.use().day()));
            return new PermittingCase(withBirthDate, base.use(), rules);
        }, c -> {
            assertThat(decide(c)).as("with the young person's consent").isTrue();
            assertThat(decide(c.with(c.spec().withGrantors(c.spec().grantors().stream()
                    .filter(g -> g.role() != Grantor.Role.YOUNG_PERSON).toList())))).as("without it").isFalse();
        });
    }

    @Test
    void from18OnlyTheYoungAdultsOwnConsentCounts() {
        forAll(TRIES / 2, gen -> {
            PermittingCase base = permittingCase(gen);
            ConsentSpec adult = base.spec().withBirthDate(birthDateFor(gen, gen.between(18, 22), base.use().day()));
            return base.with(adult);
        }, c -> {
            List<Grantor> custodyHoldersOnly = c.spec().grantors().stream()
                    .filter(g -> g.role() == Grantor.Role.CUSTODY_HOLDER).toList();
            List<Grantor> youngAdultAlone = List.of(grantor(Grantor.Role.YOUNG_PERSON, null, null));
            List<Grantor> parentsLeftItOut = new ArrayList<>(youngAdultAlone);
            parentsLeftItOut.add(grantor(Grantor.Role.CUSTODY_HOLDER, EnumSet.of(Purpose.RESEARCH),
                    EnumSet.of(DataCategory.CPR)));

            assertThat(decide(c.with(c.spec().withGrantors(custodyHoldersOnly)))).as("custody holders alone").isFalse();
            assertThat(decide(c.with(c.spec().withGrantors(youngAdultAlone)))).as("the young adult alone").isTrue();
            assertThat(decide(c.with(c.spec().withGrantors(parentsLeftItOut)))).as("the parents' ticks lapsed").isTrue();
        });
    }

    /** Rule 4: a consent without a grantee, a purpose, its categories or an end date is never recorded. */
    @Test
    void aConsentThatIsNotSpecificIsRejected() {
        forAll(TRIES / 2, gen -> {
            ConsentSpec spec = consentSpec(gen, AROUND);
            Set<String> missing = new HashSet<>();
            for (String part : List.of("grantees", "purposes", "categories", "validUntil")) {
                if (gen.chance(0.4)) {
                    missing.add(part);
                }
            }
            if (missing.isEmpty()) {
                missing.add(gen.oneOf(List.of("grantees", "purposes", "categories", "validUntil")));
            }
            return new Incomplete(spec, missing, gen.chance(0.5));
        }, c -> {
            ConsentSpec s = c.spec();
            assertThatThrownBy(() -> Consent.draft(UUID.randomUUID().toString(), s.childBirthDate(), "0751", null,
                    c.missing().contains("grantees") ? (c.asNull() ? null : List.of()) : s.grantees(), null,
                    c.missing().contains("purposes") ? (c.asNull() ? null : Set.of()) : s.purposes(),
                    c.missing().contains("categories") ? (c.asNull() ? null : Set.of()) : s.categories(),
                    s.validFrom(), c.missing().contains("validUntil") ? null : s.validUntil(),
                    s.custodyHoldersRequired(), s.youngPersonRequired(), "da-2026-1", Instant.now()))
                    .isInstanceOf(Consent.NotSpecific.class);
            assertThat(s.draft().status()).as("complete, it is recorded as a draft").isEqualTo(ConsentStatus.DRAFT);
        });
    }

    /** Rule 6: after its end date a consent permits nothing, whatever it says. */
    @Test
    void afterItsLastDayNothingIsPermitted() {
        forAll(TRIES / 2, gen -> {
            AnyCase c = anyCase(gen);
            LocalDate lastEnd = c.specs().values().stream().map(ConsentSpec::validUntil).max(LocalDate::compareTo)
                    .orElseThrow();
            IntendedUse later = new IntendedUse(c.use().ngoCode(), c.use().purpose(), c.use().categories(),
                    lastEnd.plusDays(gen.between(1, 400)));
            return new AnyCase(c.specs().values().stream().map(s -> s.withStatus(ConsentStatus.ACTIVE)).toList(), later,
                    c.rules());
        }, c -> assertThat(Decision.of(c.consents(), c.use(), c.rules()).permitted()).isFalse());
        forAll(TRIES / 2, DecisionPropertyTests::permittingCase, c -> assertThat(decide(c.with(new IntendedUse(
                c.use().ngoCode(), c.use().purpose(), c.use().categories(), c.spec().validUntil())))).as("its last day")
                .isTrue());
    }

    /** Rule 9: evaluation statistics only under their own purpose; research never unless named. */
    @Test
    void evaluationAndResearchNeedTheirOwnPurpose() {
        forAll(TRIES / 2, gen -> {
            PermittingCase base = permittingCase(gen);
            Purpose own = gen.oneOf(List.of(Purpose.EVALUATION_STATISTICS, Purpose.RESEARCH));
            Set<Purpose> everyOther = EnumSet.complementOf(EnumSet.of(own));
            List<Grantor> tickingAll = base.spec().grantors().stream()
                    .map(g -> new Grantor(g.role(), g.method(), g.at(), g.collectedBy(), null, g.categories())).toList();
            return base.with(base.spec().withPurposes(everyOther).withGrantors(tickingAll))
                    .with(new IntendedUse(base.use().ngoCode(), own, base.use().categories(), base.use().day()));
        }, c -> {
            assertThat(decide(c)).as("no other purpose implies it").isFalse();
            Set<Purpose> named = EnumSet.copyOf(c.spec().purposes());
            named.add(c.use().purpose());
            assertThat(decide(c.with(c.spec().withPurposes(named)))).as("named, it is permitted").isTrue();
        });
    }

    // ---- the oracle: CONSENT.md read literally ----

    /** Written from the rule texts, independently of {@link Consent} and {@link ConsentRules}' logic. */
    static final class Oracle {

        /** Rules 1, 2, 3, 6, 9: does this consent let the NGO use every category for the purpose on the day? */
        static boolean permits(ConsentSpec c, IntendedUse use, ConsentRules rules) {
            List<Grantor> counting = countingGrantors(c, use.day(), rules);
            return counting != null && c.grantees().contains(use.ngoCode())
                    && counts(c.purposes(), use.purpose(), counting, Grantor::purposes)
                    && use.categories().stream().allMatch(category ->
                            counts(c.categories(), category, counting, Grantor::categories));
        }

        /** The requested categories some consent in force for the NGO and the purpose covers. */
        static Set<DataCategory> permittedCategories(List<ConsentSpec> consents, IntendedUse use, ConsentRules rules) {
            Set<DataCategory> permitted = EnumSet.noneOf(DataCategory.class);
            for (ConsentSpec c : consents) {
                List<Grantor> counting = countingGrantors(c, use.day(), rules);
                if (counting != null && c.grantees().contains(use.ngoCode())
                        && counts(c.purposes(), use.purpose(), counting, Grantor::purposes)) {
                    use.categories().stream()
                            .filter(category -> counts(c.categories(), category, counting, Grantor::categories))
                            .forEach(permitted::add);
                }
            }
            return permitted;
        }

        /**
         * The grantors whose consent counts on the day, or null when the consent grants nothing then:
         * not ACTIVE (rule 1), outside its period, both days included (rules 1 and 6), a custody
         * holder missing (rule 2), the young person's own consent missing from 15 (rule 3, or as
         * staff recorded it without a birth date); from 18 only the young adult's own counts.
         */
        static List<Grantor> countingGrantors(ConsentSpec c, LocalDate day, ConsentRules rules) {
            if (c.status() != ConsentStatus.ACTIVE || day.isBefore(c.validFrom()) || day.isAfter(c.validUntil())) {
                return null;
            }
            List<Grantor> custodyHolders = new ArrayList<>();
            List<Grantor> youngPerson = new ArrayList<>();
            for (Grantor g : c.grantors()) {
                (g.role() == Grantor.Role.CUSTODY_HOLDER ? custodyHolders : youngPerson).add(g);
            }
            Integer age = c.childBirthDate() == null ? null : ageOn(c.childBirthDate(), day);
            if (age != null && age >= rules.adultAt()) {
                return youngPerson.isEmpty() ? null : youngPerson;
            }
            int needed = rules.allCustodyHolders() ? c.custodyHoldersRequired() : 1;
            boolean youngPersonNeeded = age == null ? c.youngPersonRequired()
                    : rules.youngPersonFrom() != null && age >= rules.youngPersonFrom();
            if (custodyHolders.size() < needed || youngPersonNeeded && youngPerson.isEmpty()) {
                return null;
            }
            return c.grantors();
        }

        /** Named in the consent, and ticked by every grantor who ticked anything (no ticks: all it names). */
        static <E> boolean counts(Set<E> named, E wanted, List<Grantor> counting, Function<Grantor, Set<E>> ticks) {
            return named.contains(wanted)
                    && counting.stream().allMatch(g -> ticks.apply(g) == null || ticks.apply(g).contains(wanted));
        }

        /** Whole years; a birthday counts from its day, and 29 February in other years from 1 March. */
        static int ageOn(LocalDate born, LocalDate day) {
            int years = day.getYear() - born.getYear();
            boolean hadBirthday = day.getMonthValue() > born.getMonthValue()
                    || day.getMonthValue() == born.getMonthValue() && day.getDayOfMonth() >= born.getDayOfMonth();
            return hadBirthday ? years : years - 1;
        }
    }

    // ---- generated cases ----

    /** A consent as the store may hold it, described so a failure shows it. */
    record ConsentSpec(ConsentStatus status, List<String> grantees, Set<Purpose> purposes, Set<DataCategory> categories,
                       LocalDate validFrom, LocalDate validUntil, int custodyHoldersRequired,
                       boolean youngPersonRequired, LocalDate childBirthDate, List<Grantor> grantors) {

        Consent draft() {
            return Consent.draft(UUID.randomUUID().toString(), childBirthDate, "0751", null, grantees, null, purposes,
                    categories, validFrom, validUntil, custodyHoldersRequired, youngPersonRequired, "da-2026-1",
                    Instant.parse("2026-01-01T00:00:00Z"));
        }

        Consent build() {
            return draft().inState(status, grantors);
        }

        ConsentSpec withGrantors(List<Grantor> other) {
            return new ConsentSpec(status, grantees, purposes, categories, validFrom, validUntil, custodyHoldersRequired,
                    youngPersonRequired, childBirthDate, List.copyOf(other));
        }

        ConsentSpec withStatus(ConsentStatus other) {
            return new ConsentSpec(other, grantees, purposes, categories, validFrom, validUntil, custodyHoldersRequired,
                    youngPersonRequired, childBirthDate, grantors);
        }

        ConsentSpec withBirthDate(LocalDate other) {
            return new ConsentSpec(status, grantees, purposes, categories, validFrom, validUntil, custodyHoldersRequired,
                    youngPersonRequired, other, grantors);
        }

        ConsentSpec withPurposes(Set<Purpose> other) {
            return new ConsentSpec(status, grantees, EnumSet.copyOf(other), categories, validFrom, validUntil,
                    custodyHoldersRequired, youngPersonRequired, childBirthDate, grantors);
        }
    }

    /** Any consents of one child, any use, any settings. */
    record AnyCase(Map<Consent, ConsentSpec> specs, IntendedUse use, ConsentRules rules) {

        AnyCase(List<ConsentSpec> consents, IntendedUse use, ConsentRules rules) {
            this(built(consents), use, rules);
        }

        List<Consent> consents() {
            return List.copyOf(specs.keySet());
        }

        private static Map<Consent, ConsentSpec> built(List<ConsentSpec> consents) {
            Map<Consent, ConsentSpec> built = new LinkedHashMap<>();
            consents.forEach(spec -> built.put(spec.build(), spec));
            return built;
        }

        @Override
        public String toString() {
            return "AnyCase[consents=" + specs.values() + ", use=" + use + ", rules=" + rules + "]";
        }
    }

    /** One consent that, by construction, permits the use. */
    record PermittingCase(ConsentSpec spec, IntendedUse use, ConsentRules rules) {

        PermittingCase with(ConsentSpec other) {
            return new PermittingCase(other, use, rules);
        }

        PermittingCase with(IntendedUse other) {
            return new PermittingCase(spec, other, rules);
        }
    }

    record Incomplete(ConsentSpec spec, Set<String> missing, boolean asNull) {
    }

    static AnyCase anyCase(Gen gen) {
        LocalDate day = gen.chance(0.05) ? gen.oneOf(List.of(LocalDate.parse("2027-02-28"), LocalDate.parse("2027-03-01"),
                LocalDate.parse("2030-02-28"), LocalDate.parse("2030-03-01"))) : AROUND.plusDays(gen.between(-400, 400));
        ConsentRules rules = new ConsentRules(gen.chance(0.7), gen.oneOf(List.of(15, 15, 16, 12, 0)),
                gen.oneOf(List.of(18, 18, 21)));
        List<ConsentSpec> consents = new ArrayList<>();
        for (int i = gen.between(1, 3); i > 0; i--) {
            consents.add(consentSpec(gen, day));
        }
        ConsentSpec first = consents.get(0);
        String ngo = gen.chance(0.8) ? gen.oneOf(first.grantees()) : gen.oneOf(NGOS);
        Purpose purpose = gen.chance(0.8) ? gen.oneOf(List.copyOf(first.purposes())) : gen.oneOf(Purpose.values());
        Set<DataCategory> categories = gen.chance(0.8) ? gen.subset(first.categories(), 0.5)
                : gen.subset(EnumSet.allOf(DataCategory.class), 0.3);
        return new AnyCase(consents, new IntendedUse(ngo, purpose, categories, day), rules);
    }

    static ConsentSpec consentSpec(Gen gen, LocalDate day) {
        ConsentStatus status = gen.chance(0.6) ? ConsentStatus.ACTIVE : gen.oneOf(ConsentStatus.values());
        List<String> grantees = List.copyOf(gen.nonEmptySubset(NGOS));
        Set<Purpose> purposes = gen.nonEmptySubset(EnumSet.allOf(Purpose.class));
        Set<DataCategory> categories = gen.nonEmptySubset(EnumSet.allOf(DataCategory.class));
        LocalDate from = day.minusDays(gen.between(-20, 200));
        LocalDate until = from.plusDays(gen.between(1, 365));
        if (gen.chance(0.15)) {
            // On the edges of the period: its first and last day, and the days just outside.
            from = day.minusDays(gen.between(-1, 0));
            until = gen.chance(0.5) ? from.plusDays(gen.between(1, 365)) : day.minusDays(gen.between(0, 1));
            if (!until.isAfter(from)) {
                from = until.minusDays(gen.between(1, 30));
            }
        }
        int custodyHolders = gen.between(1, 2);
        boolean youngPersonRequired = gen.chance(0.3);
        LocalDate born = null;
        if (gen.chance(0.75)) {
            born = (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 || day.getMonthValue() == 3
                    && day.getDayOfMonth() == 1) && gen.chance(0.6) ? LocalDate.parse("2012-02-29")
                    : birthDateFor(gen, gen.oneOf(List.of(10, 14, 15, 16, 17, 18, 19, 21, 22)), day);
        }
        List<Grantor> grantors = new ArrayList<>();
        if (gen.chance(0.5)) {
            // Often everyone who may be asked has consented, so the ticks and the period decide.
            for (int i = 0; i < custodyHolders; i++) {
                grantors.add(grantor(Grantor.Role.CUSTODY_HOLDER, ticks(gen, purposes, Purpose.class),
                        ticks(gen, categories, DataCategory.class)));
            }
            grantors.add(grantor(Grantor.Role.YOUNG_PERSON, ticks(gen, purposes, Purpose.class),
                    ticks(gen, categories, DataCategory.class)));
        }
        for (int i = gen.between(0, grantors.isEmpty() ? 4 : 1); i > 0; i--) {
            grantors.add(grantor(gen.chance(0.65) ? Grantor.Role.CUSTODY_HOLDER : Grantor.Role.YOUNG_PERSON,
                    ticks(gen, purposes, Purpose.class), ticks(gen, categories, DataCategory.class)));
        }
        return new ConsentSpec(status, grantees, purposes, categories, from, until, custodyHolders,
                youngPersonRequired, born, List.copyOf(grantors));
    }

    /**
     * An ACTIVE consent of a child whose age is unknown and whose young person's consent staff did
     * not record as needed, with every custody holder and the young person consenting to all it
     * names, and a use inside it on a day of its period, under the default settings.
     */
    static PermittingCase permittingCase(Gen gen) {
        ConsentSpec any = consentSpec(gen, AROUND);
        LocalDate day = any.validFrom().plusDays(gen.between(0, (int) (any.validUntil().toEpochDay()
                - any.validFrom().toEpochDay())));
        List<Grantor> grantors = new ArrayList<>();
        for (int i = 0; i < any.custodyHoldersRequired(); i++) {
            grantors.add(grantor(Grantor.Role.CUSTODY_HOLDER, gen.chance(0.3) ? any.purposes() : null,
                    gen.chance(0.3) ? any.categories() : null));
        }
        grantors.add(grantor(Grantor.Role.YOUNG_PERSON, null, null));
        ConsentSpec spec = new ConsentSpec(ConsentStatus.ACTIVE, any.grantees(), any.purposes(), any.categories(),
                any.validFrom(), any.validUntil(), any.custodyHoldersRequired(), false, null, grantors);
        IntendedUse use = new IntendedUse(gen.oneOf(spec.grantees()), gen.oneOf(List.copyOf(spec.purposes())),
                gen.subset(spec.categories(), 0.5), day);
        return new PermittingCase(spec, use, ConsentRules.DEFAULTS);
    }

    /** A birth date giving {@code age} on {@code day}, often within days of a birthday. */
    static LocalDate birthDateFor(Gen gen, int age, LocalDate day) {
        LocalDate birthday = day.minusYears(age);
        LocalDate born = gen.chance(0.5) ? birthday.minusDays(gen.between(0, 3)) : birthday.minusDays(gen.between(0, 364));
        return Oracle.ageOn(born, day) == age ? born : birthday;
    }

    static <E extends Enum<E>> Set<E> ticks(Gen gen, Set<E> named, Class<E> type) {
        if (gen.chance(0.6)) {
            return null;
        }
        return gen.chance(0.9) ? gen.subset(named, 0.8) : gen.subset(EnumSet.allOf(type), 0.5);
    }

    static Grantor grantor(Grantor.Role role, Set<Purpose> purposes, Set<DataCategory> categories) {
        return new Grantor(role, Grantor.Method.SIGNED_PAPER, Instant.parse("2026-01-01T00:00:00Z"), "caseworker",
                purposes, categories);
    }

    private static boolean decide(PermittingCase c) {
        return Decision.of(List.of(c.spec().build()), c.use(), c.rules()).permitted();
    }

    // ---- a small seeded generator ----

    /** Runs the property on {@code tries} generated cases; a failure names the seed, the try and the case. */
    static <T> void forAll(int tries, Function<Gen, T> generate, Consumer<T> property) {
        Gen gen = new Gen(new Random(SEED));
        for (int i = 1; i <= tries; i++) {
            T generated = generate.apply(gen);
            try {
                property.accept(generated);
            } catch (AssertionError e) {
                fail("Falsified at try " + i + " of seed " + SEED + " (-Dconsent.properties.seed=" + SEED + ") by "
                        + generated + ":\n" + e.getMessage(), e);
            }
        }
    }

    record Gen(Random random) {

        boolean chance(double probability) {
            return random.nextDouble() < probability;
        }

        int between(int min, int max) {
            return min + random.nextInt(max - min + 1);
        }

        <T> T oneOf(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        @SafeVarargs
        final <T> T oneOf(T... values) {
            return values[random.nextInt(values.length)];
        }

        <E> Set<E> subset(Set<E> values, double probability) {
            Set<E> subset = new LinkedHashSet<>();
            values.forEach(value -> {
                if (chance(probability)) {
                    subset.add(value);
                }
            });
            return subset;
        }

        <E> Set<E> nonEmptySubset(Collection<E> values) {
            List<E> all = List.copyOf(values);
            Set<E> subset = subset(new LinkedHashSet<>(all), 0.5);
            if (subset.isEmpty()) {
                subset.add(oneOf(all));
            }
            return subset;
        }
    }
}
