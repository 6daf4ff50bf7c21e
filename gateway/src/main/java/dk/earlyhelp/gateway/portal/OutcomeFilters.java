package dk.earlyhelp.gateway.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome filters of METRICS.md §2 as the steering group chose them in the page's form; blank
 * means no filter. The measurement service decides what a value means; only the dates are checked
 * here, so a mistyped date is pointed out at the field without a round trip.
 */
record OutcomeFilters(String intervention, String ngo, String municipality, String type, String from, String to,
                      String ageBand, String gender, String fidelity, String classification) {

    /** The parameter names, as the page's form and the measurement service's {@code GET /api/outcomes} name them. */
    static final List<String> NAMES = List.of("intervention", "ngo", "municipality", "type", "from", "to", "ageBand",
            "gender", "fidelity", "classification");
    static final List<String> TYPES = List.of("INDIVIDUAL", "GROUP", "FAMILY");
    static final List<String> AGE_BANDS = List.of("0-5", "6-9", "10-12", "13-15", "16-18");
    static final List<String> GENDERS = List.of("GIRL", "BOY", "OTHER");
    /** Outcomes split by the interventions' fidelity in the period (METRICS.md §4). */
    static final List<String> FIDELITY_LEVELS = List.of("HIGH", "PARTIAL", "LOW");
    /** How change is counted; no choice means any difference (METRICS.md §2). */
    static final List<String> CLASSIFICATIONS = List.of("RELIABLE_CHANGE");

    static OutcomeFilters of(Map<String, String> parameters) {
        return new OutcomeFilters(value(parameters, "intervention"), value(parameters, "ngo"),
                value(parameters, "municipality"), value(parameters, "type"), value(parameters, "from"),
                value(parameters, "to"), value(parameters, "ageBand"), value(parameters, "gender"),
                value(parameters, "fidelity"), value(parameters, "classification"));
    }

    /** The chosen filters by parameter name, in the form's order; no filter, no entry. */
    Map<String, String> given() {
        List<String> values = List.of(nullToEmpty(intervention), nullToEmpty(ngo), nullToEmpty(municipality),
                nullToEmpty(type), nullToEmpty(from), nullToEmpty(to), nullToEmpty(ageBand), nullToEmpty(gender),
                nullToEmpty(fidelity), nullToEmpty(classification));
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            if (!values.get(i).isEmpty()) {
                given.put(NAMES.get(i), values.get(i));
            }
        }
        return given;
    }

    /** The query string for the service and for the CSV link ("" without filters, else starting with "?"). */
    String query() {
        String query = given().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }

    /** Field name to message key for dates that are no ISO date, or a period that ends before it starts. */
    Map<String, String> dateErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = date(from);
        LocalDate end = date(to);
        if (from != null && start == null) {
            errors.put("from", "outcomes.error.date");
        }
        if (to != null && end == null) {
            errors.put("to", "outcomes.error.date");
        }
        if (start != null && end != null && end.isBefore(start)) {
            errors.put("to", "outcomes.error.period");
        }
        return errors;
    }

    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String value(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
