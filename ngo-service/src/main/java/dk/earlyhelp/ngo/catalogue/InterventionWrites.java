package dk.earlyhelp.ngo.catalogue;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dk.earlyhelp.platform.problem.ProblemException;

/**
 * Every write of an intervention: one atomic single-document write that changes it and records
 * {@link InterventionPublished}, built from the document as written, in its outbox. A change is
 * made on the document as it was read ({@code revision}), so an event never describes a state that
 * another write overtook; a lost race is tried again on a fresh read.
 */
@Component
class InterventionWrites {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final NgoRepository ngos;

    InterventionWrites(MongoTemplate mongo, NgoRepository ngos) {
        this.mongo = mongo;
        this.ngos = ngos;
    }

    /** Stores a new intervention with its first event; false when the code is taken. */
    boolean insert(Intervention intervention, String actor, Instant now) {
        Intervention stored = new Intervention(intervention.code(), intervention.name(), intervention.ngoCode(),
                intervention.municipalitiesOrEmpty(), intervention.model(), intervention.types(),
                intervention.targetGroup(), intervention.format(), intervention.capacity(), intervention.deliveredBy(),
                intervention.measures(), intervention.fidelityManual(), intervention.progressSharing(),
                intervention.staircaseStep(), intervention.partnerships(), 1L, actor, now,
                java.util.List.of(published(intervention, now)));
        try {
            mongo.insert(stored);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /**
     * Applies {@code change} to the intervention as stored and records its event, in one write
     * conditional on nobody having written it since it was read.
     *
     * @param actor the administrator, or null for a publication that changes nothing (it then stays
     *              as the catalogue file gave it, if it was)
     * @return the intervention as written; empty when there is none with the code
     */
    Optional<Intervention> change(String code, UnaryOperator<Intervention> change, String actor, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Intervention read = mongo.findById(code, Intervention.class);
            if (read == null) {
                return Optional.empty();
            }
            Intervention changed = change.apply(read);
            Update update = new Update()
                    .set("name", changed.name())
                    .set("municipalities", changed.municipalitiesOrEmpty())
                    .set("types", changed.types())
                    .set("targetGroup", changed.targetGroup())
                    .set("format", changed.format())
                    .set("capacity", changed.capacity())
                    .set("deliveredBy", changed.deliveredBy())
                    .set("measures", changed.measures())
                    .set("fidelityManual", changed.fidelityManual())
                    .set("staircaseStep", changed.staircaseStep())
                    .set("partnerships", changed.partnerships())
                    .inc("revision", 1)
                    .push("pendingEvents", published(changed, now));
            if (actor != null) {
                update.set("changedBy", actor).set("changedAt", now);
            }
            Criteria asRead = Criteria.where("_id").is(code);
            asRead = read.revision() == null ? asRead.and("revision").exists(false)
                    : asRead.and("revision").is(read.revision());
            if (mongo.updateFirst(Query.query(asRead), update, Intervention.class).getMatchedCount() == 1) {
                return Optional.of(changed);
            }
        }
        throw new ProblemException(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile",
                "The intervention " + code + " was changed by someone else meanwhile; read it again and retry.");
    }

    /** Publishes the intervention again as it is stored, e.g. after its NGO was renamed. */
    void republish(String code, Instant now) {
        change(code, UnaryOperator.identity(), null, now);
    }

    /**
     * The demo data's write: the catalogue file's description and terms, for an intervention the
     * administrator never changed (or a new one), with its event. One the administrator changed is
     * kept as it is and only published again.
     */
    void refreshFromCatalogueFile(Intervention fromFile, Instant now) {
        Update update = new Update()
                .set("name", fromFile.name())
                .set("ngoCode", fromFile.ngoCode())
                .set("municipalities", fromFile.municipalitiesOrEmpty())
                .set("model", fromFile.model())
                .set("types", fromFile.types())
                .set("targetGroup", fromFile.targetGroup())
                .set("format", fromFile.format())
                .set("capacity", fromFile.capacity())
                .set("deliveredBy", fromFile.deliveredBy())
                .set("measures", fromFile.measures())
                .set("fidelityManual", fromFile.fidelityManual())
                .set("progressSharing", fromFile.progressSharing())
                .inc("revision", 1)
                .push("pendingEvents", published(fromFile, now));
        try {
            // Upserts only where no administrator has changed it: there the filter matches nothing and
            // the insert it tries hits the existing _id.
            mongo.upsert(Query.query(Criteria.where("_id").is(fromFile.code()).and("changedBy").exists(false)),
                    update, Intervention.class);
        } catch (DuplicateKeyException changedByTheAdministrator) {
            republish(fromFile.code(), now);
        }
    }

    private dk.earlyhelp.platform.events.PendingEvent published(Intervention intervention, Instant now) {
        String ngoName = ngos.findById(intervention.ngoCode()).map(Ngo::name).orElse(null);
        return new InterventionPublished(intervention, ngoName, now).toPendingEvent();
    }
}
