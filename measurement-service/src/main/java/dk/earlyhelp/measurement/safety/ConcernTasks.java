package dk.earlyhelp.measurement.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Raises, shows and closes concern tasks, and escalates those left unattended. Raising is an
 * idempotent insert keyed by the submission, so a repeated submission raises nothing twice; each
 * acknowledgement, decision and escalation is one conditional single-document update.
 */
@Service
public class ConcernTasks {

    private static final Logger log = LoggerFactory.getLogger(ConcernTasks.class);
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");
    static final int CONVERSATION_WITHIN_WORKING_DAYS = 2;
    static final String COORDINATOR = "NGO_COORDINATOR";
    static final String ADMIN = "ADMIN";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AuditTrail audit;
    private final SafetySettings settings;
    private final WorkingDays workingDays;

    ConcernTasks(MongoTemplate mongo, Clock clock, AuditTrail audit, SafetySettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.audit = audit;
        this.settings = settings;
        this.workingDays = new WorkingDays(settings.extraClosingDays());
    }

    /** What a worrying answer was about: one submitted questionnaire of one enrolment. */
    public record Concern(String submissionId, String referralId, String childId, String intervention,
                          String municipality, String ngoCode, String occasion, List<String> reasons) {
    }

    /**
     * Raises the concern's task at once; raised again for the same submission (answers saved, then
     * submitted), it gains the new reasons. Called before anything that depends on consent, so no
     * consent state can stop it.
     */
    public ConcernTask raise(Concern concern) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DANISH);
        ConcernTask task = new ConcernTask(concern.submissionId(), concern.referralId(), concern.childId(),
                concern.intervention(), concern.municipality(), concern.ngoCode(), concern.occasion(),
                List.copyOf(concern.reasons()), now, workingDays.after(today, CONVERSATION_WITHIN_WORKING_DAYS),
                null, null, null, null, null, null, null);
        try {
            mongo.insert(task);
            // The task's id and the offer only: which answers worried, and about whom, stay in the store.
            log.warn("Concern task {} raised ({})", task.id(), task.intervention());
            return task;
        } catch (DuplicateKeyException alreadyRaised) {
            return mongo.findAndModify(Query.query(Criteria.where("_id").is(concern.submissionId())),
                    new Update().addToSet("reasons").each(concern.reasons().toArray()),
                    FindAndModifyOptions.options().returnNew(true), ConcernTask.class);
        }
    }

    /** A coordinator sees the NGO's tasks, open ones first; an administrator sees the escalated ones. */
    public List<ConcernTask> visibleTo(Caller caller) {
        Query query;
        if (caller.hasRole(COORDINATOR) && "NGO".equals(caller.organisationType())) {
            query = Query.query(Criteria.where("ngoCode").is(caller.organisation()));
        } else if (caller.hasRole(ADMIN)) {
            query = Query.query(Criteria.where("escalatedAt").ne(null));
        } else {
            audit.record(caller, AuditRecord.Action.DENIED, "concern-tasks", null, null);
            throw forbidden();
        }
        List<ConcernTask> tasks = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "raisedAt")), ConcernTask.class)
                .stream()
                .sorted(java.util.Comparator.comparing((ConcernTask task) -> task.decision() != null))
                .toList();
        tasks.forEach(task -> audit.record(caller, AuditRecord.Action.READ, "concern-task", task.id(), task.childId()));
        return tasks;
    }

    /** The coordinator has seen the task and will hold the conversation. */
    public ConcernTask acknowledge(Caller caller, String taskId) {
        ConcernTask task = ownTask(caller, taskId);
        ConcernTask changed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(task.id()).and("acknowledgedAt").is(null)),
                new Update().set("acknowledgedAt", clock.instant()).set("acknowledgedBy", caller.subject()),
                FindAndModifyOptions.options().returnNew(true), ConcernTask.class);
        audit.record(caller, AuditRecord.Action.UPDATE, "concern-task", task.id(), task.childId());
        return changed == null ? mongo.findById(task.id(), ConcernTask.class) : changed;
    }

    /** The conversation was held and the coordinator decided on a notification of concern; decided once. */
    public ConcernTask decide(Caller caller, String taskId, ConcernTask.Decision decision) {
        ConcernTask task = ownTask(caller, taskId);
        if (task.decision() != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "concern-already-decided", "Already decided",
                    "A decision was recorded for this concern task already.");
        }
        Instant now = clock.instant();
        Update update = new Update().set("decision", decision.name()).set("decidedAt", now)
                .set("decidedBy", caller.subject());
        if (task.acknowledgedAt() == null) {
            update.set("acknowledgedAt", now).set("acknowledgedBy", caller.subject());
        }
        ConcernTask changed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(task.id()).and("decision").is(null)), update,
                FindAndModifyOptions.options().returnNew(true), ConcernTask.class);
        if (changed == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "concern-already-decided", "Already decided",
                    "A decision was recorded for this concern task already.");
        }
        audit.record(caller, AuditRecord.Action.UPDATE, "concern-task", task.id(), task.childId());
        return changed;
    }

    /**
     * Flags tasks not acknowledged within the configured time, and tasks without a decision after
     * their conversation's last day, so administrators see them; each is escalated once.
     */
    @Scheduled(fixedDelayString = "${earlyhelp.safety.escalation.check-every:PT5M}",
            initialDelayString = "${earlyhelp.safety.escalation.check-every:PT5M}")
    public void escalateUnattended() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DANISH);
        escalate(Criteria.where("acknowledgedAt").is(null).and("raisedAt").lt(now.minus(settings.acknowledgeWithin())),
                "NOT_ACKNOWLEDGED", now);
        escalate(Criteria.where("decision").is(null).and("conversationDueOn").lt(today), "NO_DECISION_IN_TIME", now);
    }

    private void escalate(Criteria overdue, String reason, Instant now) {
        for (ConcernTask task : mongo.find(Query.query(Criteria.where("escalatedAt").is(null)).addCriteria(overdue),
                ConcernTask.class)) {
            if (mongo.updateFirst(Query.query(Criteria.where("_id").is(task.id()).and("escalatedAt").is(null)),
                    new Update().set("escalatedAt", now).set("escalationReason", reason), ConcernTask.class)
                    .getModifiedCount() == 1) {
                log.warn("Concern task {} escalated: {} (NGO {})", task.id(), reason, task.ngoCode());
            }
        }
    }

    public Optional<ConcernTask> find(String taskId) {
        return Optional.ofNullable(mongo.findById(taskId, ConcernTask.class));
    }

    /** Only coordinators handle tasks (403 for others); another NGO's task answers like a missing one. */
    private ConcernTask ownTask(Caller caller, String taskId) {
        if (!caller.hasRole(COORDINATOR)) {
            audit.record(caller, AuditRecord.Action.DENIED, "concern-task", taskId, null);
            throw forbidden();
        }
        ConcernTask task = mongo.findById(taskId, ConcernTask.class);
        if (task == null) {
            throw ProblemException.notFound("The concern task");
        }
        if (!caller.belongsToNgo(task.ngoCode())) {
            audit.record(caller, AuditRecord.Action.DENIED, "concern-task", task.id(), task.childId());
            throw ProblemException.notFound("The concern task");
        }
        return task;
    }

    private static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Only the coordinators of the child's NGO handle its concern tasks.");
    }
}
