package dk.earlyhelp.measurement.outcome;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dk.earlyhelp.measurement.consent.EvaluationConsents;
import dk.earlyhelp.measurement.instrument.Instrument;
import dk.earlyhelp.measurement.instrument.Instrument.Dimension;
import dk.earlyhelp.measurement.response.Occasion;
import dk.earlyhelp.measurement.response.Response;
import dk.earlyhelp.measurement.response.ResponseManagement.ResponsesStored;

/**
 * The read model the outcome figures come from: per enrolment, the response that counts at each
 * occasion with its dimension scores already worked out, held in memory so a request over a million
 * responses reads no answers. Built once from the stored responses, then kept up to date by the
 * service's own events (responses stored, answers erased); a periodic catch-up reads what other
 * instances stored since. Applying a response twice changes nothing, so the catch-up may overlap.
 */
@Component
public class OutcomeProjection {

    private static final Logger log = LoggerFactory.getLogger(OutcomeProjection.class);
    /** Responses received this long before the newest one seen are read again by the catch-up. */
    private static final long CATCH_UP_OVERLAP = 60_000L * 1_000_000L;

    private final MongoTemplate mongo;
    private final List<Dimension> dimensions;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, EnrolmentOutcome> enrolments = new HashMap<>();
    /** Few distinct values, many enrolments: one String each. */
    private final Map<String, String> codes = new HashMap<>();
    private volatile boolean loaded;
    private long newestReceived;

    OutcomeProjection(MongoTemplate mongo, Instrument instrument) {
        this.mongo = mongo;
        this.dimensions = instrument.dimensions();
    }

    /** Forgets everything and reads all stored responses again (also after a restore of the store). */
    public void rebuild() {
        lock.writeLock().lock();
        try {
            enrolments.clear();
            newestReceived = 0;
            long started = System.nanoTime();
            int read = readStored(new Query());
            loaded = true;
            log.info("Outcome read model built from {} responses, {} enrolments, in {} ms", read, enrolments.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @EventListener
    void stored(ResponsesStored stored) {
        withLoaded(() -> stored.responses().forEach(response -> apply(response.partnership(), response.enrolmentRef(),
                response.intervention(), response.municipality(), response.occasion(),
                response.answeredAt().toEpochDay(), response.received(), response.answers(), response.childId(),
                response.ageBand(), response.gender())));
    }

    @EventListener
    void erased(EvaluationConsents.AnswersErased erased) {
        withLoaded(() -> enrolments.values().removeIf(enrolment -> erased.childId().equals(enrolment.childId)));
    }

    @Scheduled(fixedDelayString = "${earlyhelp.outcomes.catch-up-interval:PT30S}",
            initialDelayString = "${earlyhelp.outcomes.catch-up-interval:PT30S}")
    void catchUp() {
        withLoaded(() -> readStored(Query.query(Criteria.where("received").gt(newestReceived - CATCH_UP_OVERLAP))));
    }

    /** Runs over the enrolments under the read lock; the visitor must not keep them. */
    void forEach(Consumer<EnrolmentOutcome> visitor) {
        ensureLoaded();
        lock.readLock().lock();
        try {
            enrolments.values().forEach(visitor);
        } finally {
            lock.readLock().unlock();
        }
    }

    List<Dimension> dimensions() {
        return dimensions;
    }

    private void ensureLoaded() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    rebuild();
                }
            }
        }
    }

    private void withLoaded(Runnable change) {
        ensureLoaded();
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reads stored responses as plain documents: mapping a million records costs more than the figures. */
    private int readStored(Query query) {
        int[] read = { 0 };
        try (var stream = mongo.stream(query, Document.class, "responses")) {
            stream.forEach(document -> {
                Document answers = document.get("answers", Document.class);
                Map<String, Integer> byItem = new HashMap<>();
                if (answers != null) {
                    answers.forEach((item, answer) -> byItem.put(item, (Integer) answer));
                }
                java.util.Date answeredAt = document.getDate("answeredAt");
                apply(document.getString("partnership"), document.getString("enrolmentRef"),
                        document.getString("intervention"), document.getString("municipality"),
                        Occasion.valueOf(document.getString("occasion")),
                        answeredAt.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toEpochDay(),
                        document.getLong("received"), byItem, document.getString("childId"),
                        document.getString("ageBand"), document.getString("gender"));
                read[0]++;
            });
        }
        return read[0];
    }

    private void apply(String partnership, String enrolmentRef, String intervention, String municipality,
            Occasion occasion, long answeredOn, long received, Map<String, Integer> answers, String childId,
            String ageBand, String gender) {
        newestReceived = Math.max(newestReceived, received);
        int slot = EnrolmentOutcome.index(occasion);
        if (slot < 0) {
            return; // PROGRESS answers follow a course; no figure compares them
        }
        // Enrolment references are the source's own, so they are unique within one partnership only.
        EnrolmentOutcome enrolment = enrolments.computeIfAbsent(partnership + "|" + enrolmentRef,
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

    private String code(String value) {
        return value == null ? null : codes.computeIfAbsent(value, same -> same);
    }
}
