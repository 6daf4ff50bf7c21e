package dk.earlyhelp.measurement.questionnaire;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.Intervention;
import dk.earlyhelp.measurement.enrolment.Enrolment;
import dk.earlyhelp.measurement.enrolment.Enrolments;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Reminds the responsible role of overdue questionnaires: a job turns each overdue checklist item
 * into one portal task (an upsert per item, so a rerun adds nothing) and closes it once answered.
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final MongoTemplate mongo;
    private final Enrolments enrolments;
    private final Catalogue catalogue;
    private final QuestionnaireManagement questionnaires;
    private final AuditTrail audit;
    private final Clock clock;

    Reminders(MongoTemplate mongo, Enrolments enrolments, Catalogue catalogue, QuestionnaireManagement questionnaires,
            AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.questionnaires = questionnaires;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${earlyhelp.measurement.reminders.check-every:PT1H}", initialDelay = 10_000)
    public void remindOfOverdue() {
        Map<String, Intervention> interventions = catalogue.all();
        int opened = 0;
        for (Enrolment enrolment : enrolments.allStarted()) {
            Intervention intervention = interventions.get(enrolment.intervention());
            if (intervention == null) {
                continue;
            }
            for (Checklist.Item item : questionnaires.checklist(enrolment, intervention).items()) {
                String id = enrolment.id() + ":" + item.kind().name();
                if (item.status() == Checklist.Status.OVERDUE) {
                    boolean created = mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update()
                            .setOnInsert("referralId", enrolment.id()).setOnInsert("childId", enrolment.childId())
                            .setOnInsert("ngoCode", intervention.ngoCode())
                            .setOnInsert("intervention", intervention.code())
                            .setOnInsert("kind", item.kind().name()).setOnInsert("responsible", item.responsible().name())
                            .setOnInsert("dueOn", item.dueOn()).setOnInsert("createdAt", clock.instant()),
                            Reminder.class).getUpsertedId() != null;
                    opened += created ? 1 : 0;
                } else if (item.status() == Checklist.Status.DONE) {
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("closedAt").is(null)),
                            new Update().set("closedAt", clock.instant()), Reminder.class);
                }
            }
        }
        if (opened > 0) {
            log.info("{} reminders of overdue questionnaires opened", opened);
        }
    }

    /**
     * The open reminders of the caller's NGO: all for a coordinator; for a volunteer, the volunteers' part
     * of the courses they deliver.
     */
    public List<Reminder> open(Caller caller) {
        boolean coordinator = caller.hasRole(EnrolmentAccess.COORDINATOR);
        if (!"NGO".equals(caller.organisationType()) || !(coordinator || caller.hasRole(EnrolmentAccess.VOLUNTEER))) {
            audit.record(caller, AuditRecord.Action.DENIED, "reminders", null, null);
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Reminders are for the NGO's coordinators and volunteers.");
        }
        Criteria criteria = Criteria.where("ngoCode").is(caller.organisation()).and("closedAt").is(null);
        if (!coordinator) {
            // Looked up now, so a new mentor takes over the reminders of a course and the old one sees them no more.
            List<String> own = enrolments.deliveredBy(caller.subjectPseudonym()).stream().map(Enrolment::id).toList();
            criteria = criteria.and("responsible").is(QuestionnaireKind.Role.VOLUNTEER.name()).and("referralId")
                    .in(own);
        }
        List<Reminder> reminders = mongo.find(Query.query(criteria).with(Sort.by("dueOn")), Reminder.class);
        reminders.forEach(reminder -> audit.record(caller, AuditRecord.Action.READ, "reminder", reminder.id(),
                reminder.childId()));
        return reminders;
    }
}
