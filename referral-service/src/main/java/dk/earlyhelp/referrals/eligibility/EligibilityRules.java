package dk.earlyhelp.referrals.eligibility;

import java.util.ArrayList;
import java.util.List;

import dk.earlyhelp.referrals.eligibility.CriterionResult.Outcome;
import dk.earlyhelp.referrals.offer.TargetGroup;

/**
 * Checks a child against an offer's target group. Only what the catalogue states is checked;
 * what the referrer has not told yet is unknown, never a silent pass.
 */
public final class EligibilityRules {

    private EligibilityRules() {
    }

    public static Eligibility check(TargetGroup group, ChildFacts child) {
        List<CriterionResult> criteria = new ArrayList<>();
        if (!group.excludes().isEmpty()) {
            criteria.add(exclusion(group, child));
        }
        if (group.ageMin() != null || group.ageMax() != null) {
            criteria.add(age(group, child));
        }
        if (group.gender() != null) {
            criteria.add(gender(group, child));
        }
        if (!group.concerns().isEmpty()) {
            criteria.add(concerns(group, child));
        }
        if (group.mustLiveOrStudyIn() != null) {
            criteria.add(residence(group, child));
        }
        if (Boolean.TRUE.equals(group.excludesSection52())) {
            criteria.add(specialSupport(child));
        }
        boolean excluded = criteria.stream().anyMatch(result -> result.failed() && result.hard());
        boolean softFailure = criteria.stream().anyMatch(CriterionResult::failed);
        Eligibility.Verdict verdict = excluded ? Eligibility.Verdict.EXCLUDED
                : softFailure ? Eligibility.Verdict.OVERRIDE_REQUIRED : Eligibility.Verdict.ELIGIBLE;
        return new Eligibility(verdict, List.copyOf(criteria), excluded ? group.excludedReferTo() : null);
    }

    private static CriterionResult exclusion(TargetGroup group, ChildFacts child) {
        List<String> present = group.excludes().stream().filter(child.concerns()::contains).toList();
        if (!present.isEmpty()) {
            return hard(Outcome.FAIL, "The child is outside this offer for safety reasons: " + String.join(", ", present)
                    + ". Refer to: " + group.excludedReferTo(), present);
        }
        if (child.concerns().isEmpty()) {
            return hard(Outcome.UNKNOWN, "Concerns not given yet; this offer excludes " + String.join(", ",
                    group.excludes()), group.excludes());
        }
        return hard(Outcome.PASS, "None of the exclusion criteria is marked: " + String.join(", ", group.excludes()),
                group.excludes());
    }

    private static CriterionResult age(TargetGroup group, ChildFacts child) {
        int min = group.ageMin() == null ? 0 : group.ageMin();
        int max = group.ageMax() == null ? 18 : group.ageMax();
        List<String> range = List.of(String.valueOf(min), String.valueOf(max));
        if (child.age() == null) {
            return soft(Criterion.AGE, Outcome.UNKNOWN, "Age not given; the offer is for ages " + min + "-" + max, range);
        }
        List<String> arguments = List.of(String.valueOf(min), String.valueOf(max), String.valueOf(child.age()));
        boolean fits = child.age() >= min && child.age() <= max;
        return soft(Criterion.AGE, fits ? Outcome.PASS : Outcome.FAIL,
                "The child is " + child.age() + "; the offer is for ages " + min + "-" + max, arguments);
    }

    private static CriterionResult gender(TargetGroup group, ChildFacts child) {
        List<String> arguments = List.of(group.gender());
        if (child.gender() == null || "OTHER".equals(child.gender())) {
            return soft(Criterion.GENDER, Outcome.UNKNOWN, "The offer is for " + group.gender()
                    + "; talk with the NGO about whether it fits the child", arguments);
        }
        return soft(Criterion.GENDER, group.gender().equals(child.gender()) ? Outcome.PASS : Outcome.FAIL,
                "The offer is for " + group.gender(), arguments);
    }

    private static CriterionResult concerns(TargetGroup group, ChildFacts child) {
        List<String> shared = group.concerns().stream().filter(child.concerns()::contains).toList();
        if (child.concerns().isEmpty()) {
            return soft(Criterion.CONCERNS, Outcome.UNKNOWN, "Concerns not given yet; the offer is for "
                    + String.join(", ", group.concerns()), group.concerns());
        }
        return shared.isEmpty()
                ? soft(Criterion.CONCERNS, Outcome.FAIL, "None of the child's concerns is one the offer is for: "
                        + String.join(", ", group.concerns()), group.concerns())
                : soft(Criterion.CONCERNS, Outcome.PASS, "The offer is for " + String.join(", ", shared), shared);
    }

    private static CriterionResult residence(TargetGroup group, ChildFacts child) {
        List<String> arguments = List.of(group.mustLiveOrStudyIn());
        if (child.municipalityCode() == null) {
            return soft(Criterion.RESIDENCE, Outcome.UNKNOWN, "Municipality not known", arguments);
        }
        boolean fits = group.mustLiveOrStudyIn().equals(child.municipalityCode());
        return soft(Criterion.RESIDENCE, fits ? Outcome.PASS : Outcome.FAIL,
                "The child must live or go to school in municipality " + group.mustLiveOrStudyIn(), arguments);
    }

    private static CriterionResult specialSupport(ChildFacts child) {
        if (child.specialSupportMeasure() == null) {
            return soft(Criterion.SPECIAL_SUPPORT, Outcome.UNKNOWN,
                    "Not told whether the child has a special support measure; the offer is for children without one",
                    List.of());
        }
        return soft(Criterion.SPECIAL_SUPPORT, child.specialSupportMeasure() ? Outcome.FAIL : Outcome.PASS,
                "The offer is for children without a special support measure", List.of());
    }

    private static CriterionResult hard(Outcome outcome, String reason, List<String> arguments) {
        return new CriterionResult(Criterion.EXCLUSION, outcome, true, reason, List.copyOf(arguments));
    }

    private static CriterionResult soft(Criterion criterion, Outcome outcome, String reason, List<String> arguments) {
        return new CriterionResult(criterion, outcome, false, reason, List.copyOf(arguments));
    }
}
