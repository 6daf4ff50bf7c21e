package dk.earlyhelp.ngo.capacity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.catalogue.CatalogueSaved;
import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.InterventionRepository;
import dk.earlyhelp.ngo.inbox.InboxChanged;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;

/**
 * Keeps each intervention's {@link Availability} in step with the catalogue and the inbox, and
 * records {@link AvailabilityChanged} only when the figures or the expected start change.
 * Recomputing from the inbox state every time (not counting up and down) makes it self-healing:
 * any refresh repairs what an earlier failed one missed.
 */
@Service
public class AvailabilityManagement {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityManagement.class);

    private final MongoTemplate mongo;
    private final InterventionRepository interventions;
    private final AvailabilityPlanner planner;
    private final Clock clock;

    AvailabilityManagement(MongoTemplate mongo, InterventionRepository interventions, AvailabilityPlanner planner,
            Clock clock) {
        this.mongo = mongo;
        this.interventions = interventions;
        this.planner = planner;
        this.clock = clock;
    }

    /** The availability of every intervention, by intervention code. */
    public Map<String, Availability> availability() {
        return mongo.findAll(Availability.class).stream()
                .collect(Collectors.toMap(Availability::interventionCode, Function.identity()));
    }

    /** A referral was decided on, moved on or withdrawn: its intervention's figures may have moved. */
    @EventListener
    void inboxChanged(InboxChanged change) {
        try {
            refresh(change.interventionCode());
        } catch (RuntimeException e) {
            // The inbox change stands; the next refresh (at the latest the daily one) repairs the figures.
            log.warn("Availability of {} not refreshed: {}", change.interventionCode(), e.toString());
        }
    }

    /** At start (after the demo catalogue is loaded), after a catalogue save, and at 02:00 as the date moves on. */
    @EventListener({ ApplicationReadyEvent.class, CatalogueSaved.class })
    @Scheduled(cron = "0 0 2 * * *", zone = "Europe/Copenhagen")
    void refreshEverything() {
        try {
            int changed = refreshAll();
            log.info("Availability refreshed: {} interventions changed", changed);
        } catch (RuntimeException e) {
            log.warn("Availability not refreshed: {}", e.toString());
        }
    }

    /** @return how many interventions' availability changed (and so recorded an event) */
    int refreshAll() {
        int changed = 0;
        for (Intervention intervention : interventions.findAll()) {
            changed += refresh(intervention) ? 1 : 0;
        }
        return changed;
    }

    /** @return whether the figures changed and an event was recorded */
    boolean refresh(String interventionCode) {
        return interventions.findById(interventionCode).map(this::refresh).orElse(false);
    }

    /**
     * Counts, plans and writes in one go per JVM (synchronized), so the last refresh to write is
     * the one that counted last. The write is one conditional upsert: it matches only if a figure
     * differs, so an unchanged refresh records nothing; when the document is missing it is
     * inserted. A duplicate key means it exists and did not match, unless a concurrent first
     * refresh just inserted it, hence one retry: no change is ever lost.
     */
    private synchronized boolean refresh(Intervention intervention) {
        String code = intervention.code();
        Availability.Figures figures = planner.plan(intervention,
                count(code, InboxStatus.ACCEPTED, InboxStatus.PROPOSED, InboxStatus.MATCHED, InboxStatus.STARTED),
                count(code, InboxStatus.WAITLISTED));
        Instant now = clock.instant();
        Query changed = Query.query(Criteria.where("_id").is(code).orOperator(
                Criteria.where("places").ne(figures.places()),
                Criteria.where("occupied").ne(figures.occupied()),
                Criteria.where("waiting").ne(figures.waiting()),
                Criteria.where("freePlaces").ne(figures.freePlaces()),
                Criteria.where("expectedStart").ne(figures.expectedStart())));
        Update update = new Update()
                .set("places", figures.places())
                .set("occupied", figures.occupied())
                .set("waiting", figures.waiting())
                .set("freePlaces", figures.freePlaces())
                .set("expectedStart", figures.expectedStart())
                .set("changedAt", now)
                .push("pendingEvents", new AvailabilityChanged(code, figures, now).toPendingEvent());
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                mongo.upsert(changed, update, Availability.class);
                return true;
            } catch (DuplicateKeyException unchangedOrJustInserted) {
                // Look again: the second attempt either updates the concurrent insert or finds it equal.
            }
        }
        return false;
    }

    private int count(String interventionCode, InboxStatus... statuses) {
        return (int) mongo.count(Query.query(Criteria.where("interventionCode").is(interventionCode)
                .and("status").in((Object[]) statuses)), InboxReferral.class);
    }
}
