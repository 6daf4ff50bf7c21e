package dk.earlyhelp.gateway.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filters of the operations dashboard (METRICS.md §5) as chosen in the page's form; blank means
 * no filter. The period is the referrals' submission day, both days included.
 */
record OperationsFilters(String intervention, String municipality, String from, String to) {

    /** The parameter names, as the page's form and the measurement service's {@code GET /api/operations} name them. */
    static final List<String> NAMES = List.of("intervention", "municipality", "from", "to");

    static OperationsFilters of(Map<String, String> parameters) {
        return new OperationsFilters(value(parameters, "intervention"), value(parameters, "municipality"),
                value(parameters, "from"), value(parameters, "to"));
    }

    /**
     * The same choices as outcome filters, so the options, the "filters applied" and the date checks
     * are the outcome dashboard's own.
     */
    OutcomeFilters asOutcomeFilters() {
        return new OutcomeFilters(intervention, null, municipality, null, from, to, null, null, null, null);
    }

    /** The chosen filters by parameter name, in the form's order; no filter, no entry. */
    Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        List<String> values = java.util.Arrays.asList(intervention, municipality, from, to);
        for (int i = 0; i < NAMES.size(); i++) {
            if (values.get(i) != null) {
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

    Map<String, String> dateErrors() {
        return asOutcomeFilters().dateErrors();
    }

    private static String value(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
