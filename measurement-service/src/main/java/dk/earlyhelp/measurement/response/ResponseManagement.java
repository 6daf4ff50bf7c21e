package dk.earlyhelp.measurement.response;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.instrument.Instrument;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports questionnaire responses; a file with any bad line is refused whole, naming every error.
 * A response's id is derived from its content, so importing the same file again adds nothing.
 */
@Service
public class ResponseManagement {

    private static final Logger log = LoggerFactory.getLogger(ResponseManagement.class);
    private static final int MAX_ERRORS_REPORTED = 50;
    private static final int LOOKUP_BATCH = 5_000;
    private static final java.util.regex.Pattern PSEUDONYM = java.util.regex.Pattern.compile("[0-9a-f-]{36}");

    private final MongoTemplate mongo;
    private final Instrument instrument;
    private final JsonMapper json;
    private final Clock clock;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;

    ResponseManagement(MongoTemplate mongo, Instrument instrument, JsonMapper json, Clock clock, Catalogue catalogue,
            ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.events = events;
        this.instrument = instrument;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Imports NDJSON, one response a line, for the caller's partnerships only.
     *
     * @return how many responses were stored
     */
    @PreAuthorize("hasAnyRole('MEASUREMENT_IMPORT', 'ADMIN')")
    public Imported importLines(Caller caller, String ndjson) {
        return importFor(caller.hasRole("ADMIN") ? Set.copyOf(catalogue.partnerships()) : caller.partnerships(),
                ndjson);
    }

    /** Imports for the given partnerships; the demo data of the run mode comes in this way. */
    Imported importFor(Set<String> partnerships, String ndjson) {
        List<Map<String, String>> errors = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        // Arrival order decides between corrections answered on the same day.
        long received = clock.millis() * 1_000_000L;
        String[] lines = ndjson.split("\\R");
        Set<String> catalogued = Set.copyOf(catalogue.partnerships());
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].strip();
            if (!line.isEmpty()) {
                Response response = parse(partnerships, catalogued, line, number, received + number, errors);
                if (response != null) {
                    responses.add(response);
                }
            }
        }
        if (!errors.isEmpty()) {
            ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid import",
                    errors.size() + " line(s) have errors; nothing was imported.");
            problem.getBody().setProperty("errors", errors.subList(0, Math.min(errors.size(), MAX_ERRORS_REPORTED)));
            throw problem;
        }
        List<Response> fresh = notYetStored(responses);
        mongo.insertAll(fresh);
        events.publishEvent(new ResponsesStored(fresh));
        log.info("Imported {} responses ({} already stored)", fresh.size(), responses.size() - fresh.size());
        return new Imported(fresh.size(), responses.size() - fresh.size());
    }

    /**
     * Stores a response given in this system (a child answering with a volunteer), after checking
     * its items and answers against the instrument; the caller has checked who may answer. Its
     * {@code received} order is set here.
     */
    public Response store(Response response) {
        List<Map<String, String>> errors = new ArrayList<>();
        checkAnswers(response.answers(), 1, errors);
        if (!errors.isEmpty()) {
            ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid answers",
                    "Some answers are not items of the questionnaire or are outside its scale.");
            problem.getBody().setProperty("errors", errors);
            throw problem;
        }
        // Arrival order decides between corrections answered on the same day.
        Response received = new Response(response.id(), response.partnership(), response.enrolmentRef(),
                response.childRef(), response.intervention(), response.municipality(), response.occasion(),
                response.answeredAt(), clock.millis() * 1_000_000L, response.answers(), response.childId(),
                response.ageBand(), response.gender());
        mongo.insert(received);
        events.publishEvent(new ResponsesStored(List.of(received)));
        return received;
    }

    /** Sent inside the service after responses were stored, for the read models built from them. */
    public record ResponsesStored(List<Response> responses) {
    }

    /** How many responses a file added, and how many of its lines were stored before. */
    public record Imported(int imported, int alreadyImported) {
    }

    /** Drops the file's own repeated lines and those stored by an earlier import. */
    private List<Response> notYetStored(List<Response> responses) {
        Map<String, Response> byId = new LinkedHashMap<>();
        responses.forEach(response -> byId.putIfAbsent(response.id(), response));
        List<String> ids = List.copyOf(byId.keySet());
        for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
            Query stored = Query.query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH))));
            stored.fields().include("_id");
            mongo.find(stored, org.bson.Document.class, "responses").forEach(found -> byId.remove(found.getString("_id")));
        }
        return List.copyOf(byId.values());
    }

    /**
     * The same line in the same partnership always gets the same id. Answers are put in item order
     * so that a file re-serialised with other key order is still the same.
     */
    private static String contentId(String partnership, ImportLine line, Map<String, Integer> answers) {
        String content = String.join("|", partnership, line.enrolmentRef(), line.childRef(), line.occasion(),
                line.answeredAt(), String.valueOf(new TreeMap<>(answers)), String.valueOf(line.childId()));
        return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Response parse(Set<String> partnerships, Set<String> catalogued, String line, int number, long received,
            List<Map<String, String>> errors) {
        ImportLine given;
        try {
            given = json.readValue(line, ImportLine.class);
        } catch (JacksonException e) {
            errors.add(error(number, "line", "is not a JSON object of the import format"));
            return null;
        }
        int before = errors.size();
        require(given.enrolmentRef(), number, "enrolmentRef", errors);
        require(given.childRef(), number, "childRef", errors);
        if (given.childId() != null && !PSEUDONYM.matcher(given.childId()).matches()) {
            errors.add(error(number, "childId", "must be the child's pseudonymous id"));
        }
        Occasion occasion = occasion(given.occasion(), number, errors);
        LocalDate answeredAt = date(given.answeredAt(), number, errors);
        String partnership = given.intervention() + "-" + given.municipality();
        if (!catalogued.contains(partnership)) {
            errors.add(error(number, "intervention", partnership + " is not a partnership of the catalogue"));
        } else if (!partnerships.contains(partnership)) {
            errors.add(error(number, "intervention", partnership + " is not one of your partnerships"));
        }
        Map<String, Integer> answers = given.answers() == null ? Map.of() : given.answers();
        checkAnswers(answers, number, errors);
        if (errors.size() > before) {
            return null;
        }
        return new Response(contentId(partnership, given, answers), partnership, given.enrolmentRef(), given.childRef(),
                given.intervention(), given.municipality(), occasion, answeredAt, received,
                new LinkedHashMap<>(answers), given.childId(), null, null);
    }

    private void checkAnswers(Map<String, Integer> answers, int line, List<Map<String, String>> errors) {
        answers.forEach((item, answer) -> {
            if (!instrument.knowsItem(item)) {
                errors.add(error(line, "answers." + item, "is not an item of the instrument"));
            } else if (answer != null && !instrument.onScale(answer)) {
                errors.add(error(line, "answers." + item, "must be between 1 and 4"));
            }
        });
    }

    private static void require(String value, int line, String field, List<Map<String, String>> errors) {
        if (value == null || value.isBlank()) {
            errors.add(error(line, field, "is required"));
        }
    }

    private static Occasion occasion(String value, int line, List<Map<String, String>> errors) {
        try {
            return Occasion.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(error(line, "occasion", "must be BEFORE, AFTER, FOLLOW_UP or PROGRESS"));
            return null;
        }
    }

    private static LocalDate date(String value, int line, List<Map<String, String>> errors) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add(error(line, "answeredAt", "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static Map<String, String> error(int line, String field, String message) {
        return Map.of("line", String.valueOf(line), "field", field, "message", message);
    }

    /**
     * One line of the import format (METRICS.md §3), optionally with the child's pseudonym when the
     * answers were collected under a consent in this system.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImportLine(String enrolmentRef, String childRef, String intervention, String municipality, String occasion,
                      String answeredAt, Map<String, Integer> answers, String childId) {
    }
}
