package dk.earlyhelp.referrals.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.referrals.eligibility.CriterionResult.Outcome;
import dk.earlyhelp.referrals.offer.TargetGroup;

/** The target-group rules of DOMAIN.md, on target groups as catalog.json states them. */
class EligibilityRulesTests {

    static final TargetGroup NEFOS = new TargetGroup(3, 19, null, List.of("RELATIVE_SUICIDAL_BEHAVIOUR"),
            List.of("OWN_SUICIDE_ATTEMPT", "INTENSE_SUICIDAL_THOUGHTS_OR_PLANS"),
            "Child and adolescent psychiatry or the municipality at once", null, null, null, null);
    static final TargetGroup EMPOWR = new TargetGroup(13, 17, "GIRL",
            List.of("LOW_SELF_ESTEEM", "LONELINESS", "ANXIETY", "DEPRESSION", "SELF_HARM_THOUGHTS"), null, null,
            "0240", null, null, null);
    static final TargetGroup STROEM = new TargetGroup(6, 16, null,
            List.of("LACKS_ADULT_CONTACT", "LACKS_NETWORK", "GENERAL_DISTRESS"), null, null, null, null, true, null);

    @Test
    void anExclusionIsAHardFailureThatSaysWhereToTurn() {
        Eligibility eligibility = EligibilityRules.check(NEFOS, new ChildFacts(12, "BOY", "0461",
                Set.of("RELATIVE_SUICIDAL_BEHAVIOUR", "OWN_SUICIDE_ATTEMPT"), null));

        assertThat(eligibility.verdict()).isEqualTo(Eligibility.Verdict.EXCLUDED);
        assertThat(eligibility.referTo()).isEqualTo("Child and adolescent psychiatry or the municipality at once");
        assertThat(eligibility.criteria()).extracting(CriterionResult::criterion, CriterionResult::outcome,
                CriterionResult::hard).containsExactly(tuple(Criterion.EXCLUSION, Outcome.FAIL, true),
                        tuple(Criterion.AGE, Outcome.PASS, false), tuple(Criterion.CONCERNS, Outcome.PASS, false));
        assertThat(eligibility.criteria().get(0).arguments()).containsExactly("OWN_SUICIDE_ATTEMPT");
    }

    @Test
    void withoutTheExcludedConcernsTheSameChildFits() {
        Eligibility eligibility = EligibilityRules.check(NEFOS, new ChildFacts(12, "BOY", "0461",
                Set.of("RELATIVE_SUICIDAL_BEHAVIOUR"), null));

        assertThat(eligibility.verdict()).isEqualTo(Eligibility.Verdict.ELIGIBLE);
        assertThat(eligibility.referTo()).isNull();
    }

    @Test
    void softFailuresNeedAnOverrideAndWhatIsNotToldIsUnknown() {
        Eligibility boyElsewhere = EligibilityRules.check(EMPOWR, new ChildFacts(12, "BOY", "0101",
                Set.of("LONELINESS"), null));
        Eligibility notToldYet = EligibilityRules.check(EMPOWR, ChildFacts.UNKNOWN);

        assertThat(boyElsewhere.verdict()).isEqualTo(Eligibility.Verdict.OVERRIDE_REQUIRED);
        assertThat(boyElsewhere.failedCriteria()).containsExactly(Criterion.AGE, Criterion.GENDER, Criterion.RESIDENCE);
        assertThat(boyElsewhere.criteria().get(0).arguments()).containsExactly("13", "17", "12");
        assertThat(notToldYet.verdict()).isEqualTo(Eligibility.Verdict.ELIGIBLE);
        assertThat(notToldYet.criteria()).extracting(CriterionResult::outcome).containsOnly(Outcome.UNKNOWN);
    }

    @Test
    void anOfferForChildrenWithoutASpecialSupportMeasureAsksForIt() {
        ChildFacts withMeasure = new ChildFacts(10, "GIRL", "0101", Set.of("LACKS_NETWORK"), true);
        ChildFacts without = new ChildFacts(10, "GIRL", "0101", Set.of("LACKS_NETWORK"), false);

        assertThat(EligibilityRules.check(STROEM, withMeasure).failedCriteria())
                .containsExactly(Criterion.SPECIAL_SUPPORT);
        assertThat(EligibilityRules.check(STROEM, without).verdict()).isEqualTo(Eligibility.Verdict.ELIGIBLE);
        assertThat(EligibilityRules.check(STROEM, new ChildFacts(10, "GIRL", "0101", Set.of("ANXIETY"), false))
                .failedCriteria()).containsExactly(Criterion.CONCERNS);
    }
}
