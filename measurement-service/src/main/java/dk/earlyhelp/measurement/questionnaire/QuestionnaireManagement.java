package dk.earlyhelp.measurement.questionnaire;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.Intervention;
import dk.earlyhelp.measurement.consent.EvaluationConsents;
import dk.earlyhelp.measurement.enrolment.Enrolment;
import dk.earlyhelp.measurement.enrolment.Enrolments;
import dk.earlyhelp.measurement.fidelity.FidelityManagement;
import dk.earlyhelp.measurement.instrument.Wording;
import dk.earlyhelp.measurement.response.Response;
import dk.earlyhelp.measurement.response.ResponseManagement;
import dk.earlyhelp.measurement.safety.ConcernTasks;
import dk.earlyhelp.measurement.safety.SafetyRule;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.DataAccess;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Use cases of questionnaires: show one, save answers as the child goes, submit, and the
 * checklists. Answers about a child are collected only under a consent naming the NGO for
 * OUTCOME_MEASUREMENT; the safety rule is checked on submission before anything else, so a worrying
 * answer raises its concern task whatever the consent state.
 */
@Service
public class QuestionnaireManagement {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireManagement.class);
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");
    static final List<String> BACKGROUND_ANSWERS = List.of("YES", "NO", "UNKNOWN");
    private static final Map<String, String[]> BACKGROUND_WORDS = Map.of("YES", new String[] { "Ja", "Yes" },
            "NO", new String[] { "Nej", "No" }, "UNKNOWN", new String[] { "Ved ikke", "Don't know" });

    private final MongoTemplate mongo;
    private final EnrolmentAccess access;
    private final Enrolments enrolments;
    private final Catalogue catalogue;
    private final Wording wording;
    private final MeasurementSettings settings;
    private final Schedule schedule;
    private final EvaluationConsents consents;
    private final ResponseManagement responses;
    private final SafetyRule safetyRule;
    private final ConcernTasks concernTasks;
    private final FidelityManagement fidelity;
    private final AuditTrail audit;
    private final Clock clock;

    QuestionnaireManagement(MongoTemplate mongo, EnrolmentAccess access, Enrolments enrolments, Catalogue catalogue,
            Wording wording, MeasurementSettings settings, Schedule schedule, EvaluationConsents consents,
            ResponseManagement responses, SafetyRule safetyRule, ConcernTasks concernTasks,
            FidelityManagement fidelity, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.wording = wording;
        this.settings = settings;
        this.schedule = schedule;
        this.consents = consents;
        this.responses = responses;
        this.safetyRule = safetyRule;
        this.concernTasks = concernTasks;
        this.fidelity = fidelity;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reading a questionnaire reads the child's answers, collected for outcome measurement. */
    private static final DataAccess ANSWERS_READ = new DataAccess(List.of("WELLBEING_SCORES"), "OUTCOME_MEASUREMENT");

    /** The questionnaire with the answers saved so far. */
    public QuestionnaireView questionnaire(Caller caller, String referralId, QuestionnaireKind kind) {
        EnrolmentAccess.Permitted permitted = access.open(caller, referralId, AuditRecord.Action.READ, "questionnaire",
                ANSWERS_READ);
        requireAnswerable(permitted, kind);
        Questionnaire saved = mongo.findById(Questionnaire.id(referralId, kind), Questionnaire.class);
        return view(permitted, kind, saved);
    }

    /**
     * Saves answers as they are given, merged into what was saved before; a null answer takes one
     * back (the child skips it). Every answer is checked before anything is written, and the child's
     * answers go through the safety rule before the consent is looked at: a worrying answer raises
     * its concern task even when nothing may be kept.
     */
    public QuestionnaireView saveAnswers(Caller caller, String referralId, QuestionnaireKind kind,
            Map<String, Object> answers) {
        EnrolmentAccess.Permitted permitted = access.open(caller, referralId, AuditRecord.Action.UPDATE,
                "questionnaire");
        requireAnswerable(permitted, kind);
        Enrolment enrolment = permitted.enrolment();
        Map<String, Object> checked = checked(permitted, kind, answers == null ? Map.of() : answers);
        Questionnaire saved = mongo.findById(Questionnaire.id(referralId, kind), Questionnaire.class);
        if (kind.childAnswers()) {
            Map<String, Object> merged = new LinkedHashMap<>(saved == null ? Map.of() : saved.answersOrEmpty());
            checked.forEach((item, answer) -> {
                if (answer == null) {
                    merged.remove(item);
                } else {
                    merged.put(item, answer);
                }
            });
            boolean raised = screen(permitted, kind, saved == null ? 0 : saved.submissions(),
                    safetyRule.reasonsWhileAnswering(numbers(merged)));
            requireConsent(enrolment, permitted.intervention(), raised);
        } else if (kind == QuestionnaireKind.BACKGROUND) {
            requireConsent(enrolment, permitted.intervention(), false);
        }
        Update update = new Update().setOnInsert("referralId", referralId).setOnInsert("childId", enrolment.childId())
                .setOnInsert("kind", kind.name()).setOnInsert("submissions", 0).set("updatedAt", clock.instant());
        checked.forEach((item, answer) -> {
            if (answer == null) {
                update.unset("answers." + item);
            } else {
                update.set("answers." + item, answer);
            }
        });
        mongo.upsert(Query.query(Criteria.where("_id").is(Questionnaire.id(referralId, kind))), update,
                Questionnaire.class);
        return view(permitted, kind, mongo.findById(Questionnaire.id(referralId, kind), Questionnaire.class));
    }

    /**
     * Raises (or adds reasons to) the concern task of the coming submission when the answers meet the
     * safety rule. Keyed by the submission, so saving and submitting the same answers raise one task.
     */
    private boolean screen(EnrolmentAccess.Permitted permitted, QuestionnaireKind kind, int submissionsBefore,
            List<String> reasons) {
        if (reasons.isEmpty()) {
            return false;
        }
        Enrolment enrolment = permitted.enrolment();
        concernTasks.raise(new ConcernTasks.Concern(submissionId(enrolment.id(), kind, submissionsBefore + 1),
                enrolment.id(), enrolment.childId(), enrolment.intervention(), enrolment.municipality(),
                permitted.intervention().ngoCode(), kind.name(), reasons));
        return true;
    }

    private static String submissionId(String referralId, QuestionnaireKind kind, int number) {
        return UUID.nameUUIDFromBytes((referralId + "|" + kind + "|" + number).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Submits the saved answers: the safety rule first, then (for the child's answers) the consent,
     * then the response, background or fidelity answers are stored under an id derived from the
     * submission's number, and the draft is emptied in a write conditional on that number. A retry
     * after a failure in between stores nothing twice.
     */
    public Submitted submit(Caller caller, String referralId, QuestionnaireKind kind) {
        EnrolmentAccess.Permitted permitted = access.open(caller, referralId, AuditRecord.Action.CREATE,
                "questionnaire");
        requireAnswerable(permitted, kind);
        Enrolment enrolment = permitted.enrolment();
        Intervention intervention = permitted.intervention();
        Questionnaire saved = mongo.findById(Questionnaire.id(referralId, kind), Questionnaire.class);
        if (saved == null || saved.answersOrEmpty().isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "nothing-to-submit", "Nothing to submit",
                    "No answers are saved for this questionnaire.");
        }
        int number = saved.submissions() + 1;
        String submissionId = submissionId(referralId, kind, number);
        LocalDate today = LocalDate.now(clock.withZone(DANISH));
        boolean concernRaised = false;
        if (kind.childAnswers()) {
            Map<String, Integer> answers = numbers(saved.answersOrEmpty());
            concernRaised = screen(permitted, kind, saved.submissions(), safetyRule.reasons(answers));
            requireConsent(enrolment, intervention, concernRaised);
            store(new Response(submissionId, enrolment.partnership(), referralId, enrolment.childId(),
                    enrolment.intervention(), enrolment.municipality(), kind.occasion(), today,
                    clock.millis() * 1_000_000L, new LinkedHashMap<>(answers), enrolment.childId(),
                    enrolment.ageBand(), enrolment.gender()));
        } else if (kind == QuestionnaireKind.BACKGROUND) {
            requireConsent(enrolment, intervention, false);
            Map<String, String> answers = saved.answersOrEmpty().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue())));
            try {
                mongo.insert(new BackgroundAnswers(submissionId, referralId, enrolment.childId(),
                        enrolment.partnership(), today, answers));
            } catch (DuplicateKeyException storedBefore) {
                // A retry of a submission whose answers were stored.
            }
        } else {
            fidelity.record(submissionId, referralId, enrolment.intervention(), enrolment.municipality(), today,
                    numbers(saved.answersOrEmpty()));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(saved.id()).and("submissions").is(saved.submissions())),
                new Update().inc("submissions", 1).push("submittedOn", today).unset("answers")
                        .set("updatedAt", clock.instant()), Questionnaire.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(saved.id()).and("closedAt").is(null)),
                new Update().set("closedAt", clock.instant()), Reminder.class);
        log.info("Questionnaire {} of enrolment {} submitted ({} answers)", kind, referralId,
                saved.answersOrEmpty().size());
        return new Submitted(referralId, kind, number, concernRaised);
    }

    /** What a submission did; {@code concernRaised} tells the one with the child a coordinator will follow up. */
    public record Submitted(String referralId, QuestionnaireKind kind, int submission, boolean concernRaised) {
    }

    /** One enrolment's checklist. */
    public Checklist checklist(Caller caller, String referralId) {
        EnrolmentAccess.Permitted permitted = access.open(caller, referralId, AuditRecord.Action.READ, "checklist");
        return checklist(permitted.enrolment(), permitted.intervention());
    }

    /** The checklists of the coordinator's NGO, optionally only those with an overdue questionnaire. */
    public List<Checklist> checklists(Caller caller, boolean overdueOnly) {
        if (!caller.hasRole(EnrolmentAccess.COORDINATOR) || !"NGO".equals(caller.organisationType())) {
            audit.record(caller, AuditRecord.Action.DENIED, "checklists", null, null);
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only an NGO's coordinators see its checklists.");
        }
        Map<String, Intervention> interventions = catalogue.all().values().stream()
                .filter(intervention -> caller.organisation().equals(intervention.ngoCode()))
                .collect(Collectors.toMap(Intervention::code, intervention -> intervention));
        List<Checklist> checklists = new ArrayList<>();
        for (Enrolment enrolment : enrolments.startedIn(interventions.keySet())) {
            Checklist checklist = checklist(enrolment, interventions.get(enrolment.intervention()));
            if (!overdueOnly || checklist.anyOverdue()) {
                audit.record(caller, AuditRecord.Action.READ, "checklist", enrolment.id(), enrolment.childId());
                checklists.add(checklist);
            }
        }
        return checklists;
    }

    Checklist checklist(Enrolment enrolment, Intervention intervention) {
        Map<QuestionnaireKind, Questionnaire> answered = new EnumMap<>(QuestionnaireKind.class);
        mongo.find(Query.query(Criteria.where("referralId").is(enrolment.id())), Questionnaire.class)
                .forEach(questionnaire -> answered.put(QuestionnaireKind.valueOf(questionnaire.kind()), questionnaire));
        return schedule.checklist(enrolment, intervention, answered, LocalDate.now(clock.withZone(DANISH)));
    }

    /** Answers saved but not submitted were collected under the consent that ended: they go. */
    @EventListener
    void consentEnded(EvaluationConsents.ConsentEnded ended) {
        long drafts = mongo.updateMulti(Query.query(Criteria.where("childId").is(ended.childId())
                .and("kind").ne(QuestionnaireKind.FIDELITY.name())),
                new Update().unset("answers"), Questionnaire.class).getModifiedCount();
        long background = mongo.remove(Query.query(Criteria.where("childId").is(ended.childId())),
                BackgroundAnswers.class).getDeletedCount();
        log.info("Consent ended: {} saved questionnaires emptied, {} background answers erased", drafts, background);
    }

    /** The dimensions the partnership measures: the intervention's and those the partnership added, in the instrument's order. */
    List<Wording.DimensionWording> dimensions(Enrolment enrolment, Intervention intervention) {
        Set<String> measured = new LinkedHashSet<>(intervention.measures());
        measured.addAll(settings.addedDimensions(enrolment.partnership()));
        return wording.dimensions().stream().filter(dimension -> measured.contains(dimension.code())).toList();
    }

    private void store(Response response) {
        try {
            responses.store(response);
        } catch (DuplicateKeyException storedBefore) {
            // A retry of a submission whose response was stored: the draft is emptied below.
        }
    }

    private void requireAnswerable(EnrolmentAccess.Permitted permitted, QuestionnaireKind kind) {
        if (kind == QuestionnaireKind.FIDELITY && !permitted.intervention().fidelityManual()) {
            throw new ProblemException(HttpStatus.CONFLICT, "fidelity-not-measured", "No fidelity questions",
                    "This intervention has no manual, so it does not measure fidelity.");
        }
        if (kind == QuestionnaireKind.FOLLOW_UP && !permitted.enrolment().ended()) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-due-yet", "Not due yet",
                    "The follow-up is answered six months after the course ended, and it has not ended.");
        }
    }

    private void requireConsent(Enrolment enrolment, Intervention intervention, boolean concernRaised) {
        if (!consents.permitsMeasurement(enrolment.childId(), intervention.ngoCode())) {
            mongo.updateMulti(Query.query(Criteria.where("referralId").is(enrolment.id())
                    .and("kind").ne(QuestionnaireKind.FIDELITY.name())), new Update().unset("answers"),
                    Questionnaire.class);
            ProblemException problem = new ProblemException(HttpStatus.FORBIDDEN, "consent-required",
                    "No consent to collect answers",
                    "No active consent lets the NGO collect this child's answers (OUTCOME_MEASUREMENT).");
            problem.getBody().setProperty("concernRaised", concernRaised);
            throw problem;
        }
    }

    /** Checks every answer against the questions of this questionnaire; all errors at once. */
    private Map<String, Object> checked(EnrolmentAccess.Permitted permitted, QuestionnaireKind kind,
            Map<String, Object> answers) {
        Map<String, QuestionnaireView.Question> questions = questions(permitted, kind).stream()
                .collect(Collectors.toMap(QuestionnaireView.Question::code, question -> question));
        List<Map<String, String>> errors = new ArrayList<>();
        Map<String, Object> checked = new LinkedHashMap<>();
        answers.forEach((item, answer) -> {
            QuestionnaireView.Question question = questions.get(item);
            if (question == null) {
                errors.add(Map.of("field", "answers." + item, "message", "is not a question of this questionnaire"));
                return;
            }
            if (answer == null) {
                checked.put(item, null);
                return;
            }
            Object value = kind == QuestionnaireKind.BACKGROUND ? String.valueOf(answer) : number(answer);
            boolean allowed = question.options().stream().anyMatch(option -> option.value().equals(value));
            if (!allowed) {
                errors.add(Map.of("field", "answers." + item, "message", "must be one of "
                        + question.options().stream().map(option -> String.valueOf(option.value())).toList()));
            } else {
                checked.put(item, value);
            }
        });
        if (!errors.isEmpty()) {
            ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid answers",
                    "Some answers are not questions of this questionnaire or not one of their options.");
            problem.getBody().setProperty("errors", errors);
            throw problem;
        }
        return checked;
    }

    private static Object number(Object answer) {
        if (answer instanceof Integer number) {
            return number;
        }
        try {
            return Integer.valueOf(String.valueOf(answer).strip());
        } catch (NumberFormatException notANumber) {
            return answer;
        }
    }

    private static Map<String, Integer> numbers(Map<String, Object> answers) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        answers.forEach((item, answer) -> numbers.put(item, ((Number) answer).intValue()));
        return numbers;
    }

    private QuestionnaireView view(EnrolmentAccess.Permitted permitted, QuestionnaireKind kind, Questionnaire saved) {
        List<QuestionnaireView.Question> questions = questions(permitted, kind);
        Map<String, Object> answers = new LinkedHashMap<>();
        if (saved != null) {
            // In question order, whatever order they were saved in.
            questions.stream().filter(question -> saved.answersOrEmpty().containsKey(question.code()))
                    .forEach(question -> answers.put(question.code(), saved.answersOrEmpty().get(question.code())));
        }
        return new QuestionnaireView(permitted.enrolment().id(), kind, permitted.intervention().code(), questions,
                answers, saved == null ? 0 : saved.submissions());
    }

    private List<QuestionnaireView.Question> questions(EnrolmentAccess.Permitted permitted, QuestionnaireKind kind) {
        if (kind == QuestionnaireKind.BACKGROUND) {
            List<QuestionnaireView.Option> options = BACKGROUND_ANSWERS.stream()
                    .map(value -> new QuestionnaireView.Option(value, BACKGROUND_WORDS.get(value)[0],
                            BACKGROUND_WORDS.get(value)[1]))
                    .toList();
            return wording.background().stream()
                    .map(question -> new QuestionnaireView.Question(question.code(), null, question.da(), question.en(),
                            options))
                    .toList();
        }
        if (kind == QuestionnaireKind.FIDELITY) {
            List<QuestionnaireView.Option> options = IntStream.rangeClosed(wording.fidelityMin(), wording.fidelityMax())
                    .mapToObj(value -> new QuestionnaireView.Option(value, fidelityWords(value, true),
                            fidelityWords(value, false)))
                    .toList();
            return wording.fidelity().stream()
                    .map(question -> new QuestionnaireView.Question(question.code(), null, question.da(), question.en(),
                            options))
                    .toList();
        }
        List<QuestionnaireView.Question> questions = new ArrayList<>();
        for (Wording.DimensionWording dimension : dimensions(permitted.enrolment(), permitted.intervention())) {
            List<QuestionnaireView.Option> options = IntStream.range(0, dimension.labels().da().size())
                    .mapToObj(index -> new QuestionnaireView.Option(index + 1, dimension.labels().da().get(index),
                            dimension.labels().en().get(index)))
                    .toList();
            dimension.items().forEach(item -> questions.add(new QuestionnaireView.Question(item.code(),
                    dimension.code(), item.da(), item.en(), options)));
        }
        return questions;
    }

    /** instrument.json words only the ends of the fidelity scale: 5 always as intended, 1 not at all. */
    private String fidelityWords(int value, boolean danish) {
        if (value == wording.fidelityMax()) {
            return danish ? value + " – altid som tiltænkt" : value + " – always as intended";
        }
        if (value == wording.fidelityMin()) {
            return danish ? value + " – slet ikke som tiltænkt" : value + " – not at all as intended";
        }
        return String.valueOf(value);
    }
}
