package dk.earlyhelp.measurement.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Keeps enrolments from events. Each event sets only its own fields with an upsert, so a repeat
 * changes nothing and a course's progress may arrive before its referral: one atomic write each.
 */
@Service
public class Enrolments {

    private static final Logger log = LoggerFactory.getLogger(Enrolments.class);

    private final MongoTemplate mongo;

    Enrolments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The referral, as submitted: who the child is (pseudonym, age band, gender) and which offer. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void referred(String referralId, String childId, int childAge, String gender, String municipality,
            String intervention) {
        mongo.upsert(byId(referralId), new Update().set("childId", childId).set("ageBand", AgeBand.of(childAge))
                .set("gender", gender).set("municipality", municipality).set("intervention", intervention),
                Enrolment.class);
    }

    /**
     * A child the NGO registered itself, without a referral (B1/B3): who (the NGO's pseudonym) and which
     * offer, but no age band or gender (the NGO's event names neither), so the outcome filters by age
     * band and gender leave the child out. The child's answers are collected and counted only under the
     * parents' consent, as for a referred child.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void registered(String referralId, String childId, String municipality, String intervention) {
        mongo.upsert(byId(referralId), new Update().set("childId", childId).set("municipality", municipality)
                .set("intervention", intervention), Enrolment.class);
    }

    /** The course started on the given day. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void started(String referralId, String childId, LocalDate startedOn) {
        mongo.upsert(byId(referralId), new Update().set("childId", childId).set("startedOn", startedOn),
                Enrolment.class);
        log.info("Enrolment {} started", referralId);
    }

    /** The course completed or the child dropped out; a course ends once, so a later repeat keeps the first end. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void ended(String referralId, String childId, LocalDate endedOn, String endStatus) {
        mongo.upsert(byId(referralId), new Update().set("childId", childId), Enrolment.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(referralId).and("endedOn").is(null)),
                new Update().set("endedOn", endedOn).set("endStatus", endStatus), Enrolment.class);
        log.info("Enrolment {} ended: {}", referralId, endStatus);
    }

    /**
     * Who delivers the course as of the NGO's step at {@code asOf}: a newer step replaces the people an
     * older one named (a new mentor), a redelivered or late older step changes nothing.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void delivered(String referralId, String childId, List<Enrolment.Deliverer> deliveredBy, Instant asOf) {
        mongo.upsert(byId(referralId), new Update().set("childId", childId), Enrolment.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(referralId).orOperator(
                Criteria.where("deliveredAsOf").is(null), Criteria.where("deliveredAsOf").lt(asOf))),
                new Update().set("deliveredBy", deliveredBy).set("deliveredAsOf", asOf), Enrolment.class);
    }

    /**
     * The person left the NGO: they deliver none of its courses any more. Taken out of every team that
     * named them before they left, and the team counts as of then, so an older step arriving late does
     * not bring them back; ngo-service names nobody who left in later steps.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void left(String volunteerId, Instant at) {
        Query namedBefore = Query.query(Criteria.where("deliveredBy.volunteerId").is(volunteerId)
                .and("deliveredAsOf").lt(at));
        long changed = mongo.updateMulti(namedBefore, new Update()
                .pull("deliveredBy", new Document("volunteerId", volunteerId)).set("deliveredAsOf", at),
                Enrolment.class).getModifiedCount();
        log.info("Volunteer {} left: taken out of {} enrolments' teams", volunteerId, changed);
    }

    /**
     * The child's family declined the person matched with the child: they deliver nothing for this
     * child. Taken out of the team as of then, so the match's own step arriving late does not bring
     * them back; the next match names the next person.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void declined(String referralId, String volunteerId, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(referralId).and("deliveredAsOf").lt(at)),
                new Update().pull("deliveredBy", new Document("volunteerId", volunteerId)).set("deliveredAsOf", at),
                Enrolment.class);
    }

    /** The enrolments the person who signs in with this subject pseudonym delivers now. */
    public List<Enrolment> deliveredBy(String subjectPseudonym) {
        return mongo.find(Query.query(Criteria.where("deliveredBy.subjectPseudonym").is(subjectPseudonym)),
                Enrolment.class);
    }

    public Optional<Enrolment> find(String referralId) {
        return Optional.ofNullable(mongo.findById(referralId, Enrolment.class));
    }

    /** The started enrolments in the given interventions, latest start first. */
    public List<Enrolment> startedIn(Collection<String> interventions) {
        return mongo.find(Query.query(Criteria.where("intervention").in(interventions).and("startedOn").ne(null))
                .with(Sort.by(Sort.Direction.DESC, "startedOn")), Enrolment.class);
    }

    /** Every started enrolment, for the reminders that run across NGOs. */
    public List<Enrolment> allStarted() {
        return mongo.find(Query.query(Criteria.where("startedOn").ne(null).and("intervention").ne(null)),
                Enrolment.class);
    }

    private static Query byId(String referralId) {
        return Query.query(Criteria.where("_id").is(referralId));
    }
}
