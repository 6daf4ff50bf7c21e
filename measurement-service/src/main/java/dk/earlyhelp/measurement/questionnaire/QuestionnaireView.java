package dk.earlyhelp.measurement.questionnaire;

import java.util.List;
import java.util.Map;

/**
 * A questionnaire as the one answering sees it: the questions in order, each with its answer
 * options in Danish and English, and the answers saved so far.
 *
 * @param answers     item code to the saved answer (a number, or YES/NO/UNKNOWN for the background)
 * @param submissions how many times it was submitted before
 */
public record QuestionnaireView(String referralId, QuestionnaireKind kind, String intervention,
                                List<Question> questions, Map<String, Object> answers, int submissions) {

    /** One question; {@code dimension} is null for background and fidelity questions. */
    public record Question(String code, String dimension, String da, String en, List<Option> options) {
    }

    /** An answer option: the value to send and its words. */
    public record Option(Object value, String da, String en) {
    }
}
