package dk.earlyhelp.measurement.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import dk.earlyhelp.measurement.instrument.Wording;

/**
 * The instrument's {@code safetyRule}: a SELF_HARM or SUICIDAL_BEHAVIOUR score of 3.0 or higher
 * (scored as every dimension: the mean of the answered items, valid with at least half of them
 * answered, rounded up), or SH_2, SUI_2 or SUI_3 answered 4.
 */
@Component
public class SafetyRule {

    static final double SCORE_LIMIT = 3.0;
    static final int WORST_ANSWER = 4;
    /** Single items so grave that one answer of 4 is enough (instrument.json, safetyRule). */
    static final Set<String> GRAVE_ITEMS = Set.of("SH_2", "SUI_2", "SUI_3");

    private final Wording wording;

    SafetyRule(Wording wording) {
        this.wording = wording;
    }

    /**
     * Why the answers raise a concern: codes such as {@code SELF_HARM} (the dimension's score) or
     * {@code SH_2} (the single item); empty when they do not.
     */
    public List<String> reasons(Map<String, Integer> answers) {
        return reasons(answers, false);
    }

    /**
     * As {@link #reasons(Map)} for answers still being given: a grave item counts at once, a score
     * only once all of its dimension's items are answered, so a score that the child's next answer
     * would bring under 3.0 raises nothing early. The submission applies the whole rule.
     */
    public List<String> reasonsWhileAnswering(Map<String, Integer> answers) {
        return reasons(answers, true);
    }

    private List<String> reasons(Map<String, Integer> answers, boolean whileAnswering) {
        List<String> reasons = new ArrayList<>();
        for (Wording.DimensionWording dimension : wording.dimensions()) {
            if (!dimension.safetySensitive()) {
                continue;
            }
            List<Integer> answered = dimension.items().stream().map(item -> answers.get(item.code()))
                    .filter(Objects::nonNull).toList();
            int needed = whileAnswering ? dimension.items().size() : (dimension.items().size() + 1) / 2;
            if (answered.size() >= needed && answered.stream().mapToInt(Integer::intValue).average()
                    .orElse(0) >= SCORE_LIMIT) {
                reasons.add(dimension.code());
            }
            dimension.items().stream().map(Wording.Question::code)
                    .filter(item -> GRAVE_ITEMS.contains(item) && Integer.valueOf(WORST_ANSWER).equals(answers.get(item)))
                    .forEach(reasons::add);
        }
        return reasons;
    }
}
