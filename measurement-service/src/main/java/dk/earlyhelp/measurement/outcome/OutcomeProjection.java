package dk.earlyhelp.measurement.outcome;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dk.earlyhelp.measurement.consent.EvaluationConsents;
import dk.earlyhelp.measurement.instrument.Instrument;
import dk.earlyhelp.measurement.instrument.Instrument.Dimension;
import dk.earlyhelp.measurement.response.Occasion;
import dk.earlyhelp.measurement.response.ResponseManagement.ResponsesStored;

/**
 * The read model the outcome figures come from: per enrolment, the response that counts at each
 * occasion with its dimension scores already worked out, held in memory so a request over a million
 * responses reads no answers. Built from the stored responses, then kept up to date by the
 * service's own events (responses stored, answers erased). Another instance's writes show as a
 * different number of stored responses, and the periodic check then builds it again. Applying a
 * response twice changes nothing, so events that arrive during a build are simply applied again.
 */
@Component
public class OutcomeProjection {

    private static final Logger log = LoggerFactory.getLogger(OutcomeProjection.class);
    /** mongo-java-server answers a query in one reply unless asked for batches. */
    private static final int BATCH = 5_000;

    private final MongoTemplate mongo;
    private final List<Dimension> dimensions;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Few distinct values, many enrolments: one String each. */
    private final Map<String, String> codes = new HashMap<>();
    private Map<String, EnrolmentOutcome> enrolments = new HashMap<>();
    /** Changes that arrived while a build was reading the store; applied again on the new model. */
    private List<Consumer<Map<String, EnrolmentOutcome>>> duringBuild;
    private long responsesKnown;
    private volatile boolean built;

    OutcomeProjection(MongoTemplate mongo, Instrument instrument) {
        this.mongo = mongo;
        this.dimensions = instrument.dimensions();
    }

    /**
     * Builds the model when the service has started, in the background: with a million responses
     * that takes most of a minute on the embedded store, and the service is healthy meanwhile;
     * requests for figures wait for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void buildAtStart() {
        Thread builder = new Thread(this::ensureBuilt, "outcome-read-model");
        builder.setDaemon(true);
        builder.start();
    }

    /** Reads all stored responses into a new model and swaps it in; requests go on meanwhile. */
    public synchronized void rebuild() {
        long started = System.nanoTime();
        withWriteLock(() -> duringBuild = new ArrayList<>());
        Map<String, EnrolmentOutcome> fresh = new HashMap<>();
        long read = readStored(fresh);
        withWriteLock(() -> {
            duringBuild.forEach(change -> change.accept(fresh));
            duringBuild = null;
            enrolments = fresh;
            responsesKnown = read;
        });
        built = true;
        log.info("Outcome read model built from {} responses, {} enrolments, in {} ms", read, fresh.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @EventListener
    void stored(ResponsesStored stored) {
        change(model -> stored.responses().forEach(response -> apply(model, response.partnership(),
                response.enrolmentRef(), response.intervention(), response.municipality(), response.occasion(),
                response.answeredAt().toEpochDay(), response.received(), response.answers(), response.childId(),
                response.ageBand(), response.gender())), stored.responses().size());
    }

    @EventListener
    void erased(EvaluationConsents.AnswersErased erased) {
        change(model -> model.values().removeIf(enrolment -> erased.childId().equals(enrolment.childId)),
                -erased.responses());
    }

    /** Builds again when the store holds a different number of responses than this model has seen. */
    @Scheduled(fixedDelayString = "${earlyhelp.outcomes.check-interval:PT1M}",
            initialDelayString = "${earlyhelp.outcomes.check-interval:PT1M}")
    void checkAgainstStore() {
        long stored = mongo.estimatedCount("responses");
        long known;
        lock.readLock().lock();
        try {
            known = responsesKnown;
        } finally {
            lock.readLock().unlock();
        }
        if (built && stored != known) {
            log.info("The store holds {} responses, the outcome read model knows {}: building again", stored, known);
            rebuild();
        }
    }

    /** Runs over the enrolments under the read lock; the visitor must not keep them. */
    void forEach(Consumer<EnrolmentOutcome> visitor) {
        ensureBuilt();
        lock.readLock().lock();
        try {
            enrolments.values().forEach(visitor);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The pseudonyms of the children whose answers were given in this system: far fewer than the enrolments. */
    Set<String> children() {
        ensureBuilt();
        lock.readLock().lock();
        try {
            Set<String> children = new HashSet<>();
            enrolments.values().forEach(enrolment -> {
                if (enrolment.childId != null) {
                    children.add(enrolment.childId);
                }
            });
            return children;
        } finally {
            lock.readLock().unlock();
        }
    }

    List<Dimension> dimensions() {
        return dimensions;
    }

    private void ensureBuilt() {
        if (!built) {
            synchronized (this) {
                if (!built) {
                    rebuild();
                }
            }
        }
    }

    private void change(Consumer<Map<String, EnrolmentOutcome>> change, long responses) {
        if (!built) {
            rebuild(); // the store has the change already
            return;
        }
        withWriteLock(() -> {
            change.accept(enrolments);
            responsesKnown += responses;
            if (duringBuild != null) {
                duringBuild.add(change);
            }
        });
    }

    private void withWriteLock(Runnable action) {
        lock.writeLock().lock();
        try {
            action.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reads stored responses as plain documents: mapping a million records costs more than the figures. */
    private long readStored(Map<String, EnrolmentOutcome> model) {
        long read = 0;
        Query all = new Query().cursorBatchSize(BATCH);
        try (var stream = mongo.stream(all, Document.class, "responses")) {
            for (var iterator = stream.iterator(); iterator.hasNext(); read++) {
                Document document = iterator.next();
                Map<String, Integer> answers = new HashMap<>();
                Document given = document.get("answers", Document.class);
                if (given != null) {
                    given.forEach((item, answer) -> answers.put(item, (Integer) answer));
                }
                Date answeredAt = document.getDate("answeredAt");
                apply(model, document.getString("partnership"), document.getString("enrolmentRef"),
                        document.getString("intervention"), document.getString("municipality"),
                        Occasion.valueOf(document.getString("occasion")),
                        answeredAt.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay(),
                        document.getLong("received"), answers, document.getString("childId"),
                        document.getString("ageBand"), document.getString("gender"));
            }
        }
        return read;
    }

    private void apply(Map<String, EnrolmentOutcome> model, String partnership, String enrolmentRef,
            String intervention, String municipality, Occasion occasion, long answeredOn, long received,
            Map<String, Integer> answers, String childId, String ageBand, String gender) {
        int slot = EnrolmentOutcome.index(occasion);
        if (slot < 0) {
            return; // PROGRESS answers follow a course; no figure compares them
        }
        // Enrolment references are the source's own, so they are unique within one partnership only.
        EnrolmentOutcome enrolment = model.computeIfAbsent(partnership + "|" + enrolmentRef,
                key -> new EnrolmentOutcome(code(partnership), code(intervention), code(municipality)));
        if (childId != null) {
            enrolment.childId = childId;
        }
        if (ageBand != null) {
            enrolment.ageBand = code(ageBand);
        }
        if (gender != null) {
            enrolment.gender = code(gender);
        }
        EnrolmentOutcome.Counted current = enrolment.counted[slot];
        if (current == null || current.replacedBy(answeredOn, received)) {
            enrolment.counted[slot] = new EnrolmentOutcome.Counted(answeredOn, received, scores(answers));
        }
    }

    /** Dimension score = mean of the answered items, valid with at least half of them (rounded up). */
    private double[] scores(Map<String, Integer> answers) {
        double[] scores = new double[dimensions.size()];
        for (int d = 0; d < scores.length; d++) {
            Dimension dimension = dimensions.get(d);
            int answered = 0;
            double sum = 0;
            for (String item : dimension.items()) {
                Integer answer = answers.get(item);
                if (answer != null) {
                    answered++;
                    sum += answer;
                }
            }
            scores[d] = answered >= dimension.itemsNeeded() ? sum / answered : Double.NaN;
        }
        return scores;
    }

    /** A build reads the store while events apply to the current model, so the table is shared. */
    private String code(String value) {
        if (value == null) {
            return null;
        }
        synchronized (codes) {
            return codes.computeIfAbsent(value, same -> same);
        }
    }
}
