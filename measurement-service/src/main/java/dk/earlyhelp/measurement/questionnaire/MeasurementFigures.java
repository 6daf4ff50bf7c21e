package dk.earlyhelp.measurement.questionnaire;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.Intervention;
import dk.earlyhelp.measurement.enrolment.Enrolment;
import dk.earlyhelp.measurement.enrolment.Enrolments;
import dk.earlyhelp.measurement.instrument.Wording;

/**
 * Aggregates of the questionnaires for the operations figures (METRICS.md §5): how completely they
 * are answered on time, and the background at intake. Counts only, never a child.
 */
@Service
public class MeasurementFigures {

    private final QuestionnaireManagement questionnaires;
    private final Enrolments enrolments;
    private final Catalogue catalogue;
    private final MongoTemplate mongo;
    private final Wording wording;

    MeasurementFigures(QuestionnaireManagement questionnaires, Enrolments enrolments, Catalogue catalogue,
            MongoTemplate mongo, Wording wording) {
        this.questionnaires = questionnaires;
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.mongo = mongo;
        this.wording = wording;
    }

    /**
     * Per intervention, of the questionnaires whose time has come (done, or past their on-time
     * day), the share completed on time; and the overdue ones by the role responsible.
     *
     * @param partnerships the partnerships counted
     */
    public List<Completeness> completeness(Predicate<String> partnerships, String intervention) {
        Map<String, Intervention> known = catalogue.all();
        Map<String, Tally> byIntervention = new TreeMap<>();
        List<String> codes = intervention == null ? List.copyOf(known.keySet()) : List.of(intervention);
        for (Enrolment enrolment : enrolments.startedIn(codes)) {
            if (!partnerships.test(enrolment.partnership()) || !known.containsKey(enrolment.intervention())) {
                continue;
            }
            Tally tally = byIntervention.computeIfAbsent(enrolment.intervention(), code -> new Tally());
            for (Checklist.Item item : questionnaires.checklist(enrolment, known.get(enrolment.intervention())).items()) {
                tally.add(item);
            }
        }
        List<Completeness> figures = new ArrayList<>();
        byIntervention.forEach((code, tally) -> figures.add(new Completeness(code, tally.due, tally.onTime,
                tally.due == 0 ? null : (double) tally.onTime / tally.due, Map.copyOf(tally.overdueByRole))));
        return figures;
    }

    /** Per background question (in the instrument's order): how many answered, how many yes, the share yes. */
    public List<BackgroundShare> backgroundShares(Predicate<String> partnerships, String intervention) {
        List<BackgroundAnswers> answers = mongo.find(new Query(), BackgroundAnswers.class).stream()
                .filter(answer -> partnerships.test(answer.partnership()))
                .filter(answer -> intervention == null || answer.partnership().startsWith(intervention + "-"))
                .toList();
        List<BackgroundShare> shares = new ArrayList<>();
        for (String question : wording.background().stream().map(Wording.Question::code).toList()) {
            List<String> given = answers.stream().map(answer -> answer.answers().get(question))
                    .filter(answer -> answer != null).toList();
            long yes = given.stream().filter("YES"::equals).count();
            shares.add(new BackgroundShare(question, given.size(), (int) yes,
                    given.isEmpty() ? null : (double) yes / given.size()));
        }
        return shares;
    }

    /**
     * @param due           questionnaires done or past their on-time day
     * @param onTime        of those, completed within their time
     * @param overdueByRole not done and past their time, by the role responsible
     */
    public record Completeness(String intervention, int due, int onTime, Double share,
                               Map<QuestionnaireKind.Role, Integer> overdueByRole) {
    }

    /** @param share yes / answered (UNKNOWN counts as answered, not yes) */
    public record BackgroundShare(String question, int answered, int yes, Double share) {
    }

    private static final class Tally {

        int due;
        int onTime;
        final Map<QuestionnaireKind.Role, Integer> overdueByRole = new EnumMap<>(QuestionnaireKind.Role.class);

        void add(Checklist.Item item) {
            if (item.status() == Checklist.Status.DONE && item.onTime() != null) {
                due++;
                onTime += item.onTime() ? 1 : 0;
            } else if (item.status() == Checklist.Status.OVERDUE) {
                due++;
                overdueByRole.merge(item.responsible(), 1, Integer::sum);
            }
        }
    }
}
