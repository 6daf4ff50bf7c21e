package dk.earlyhelp.gateway.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The operations report as CSV in the conventions of {@link OutcomeCsv} (RFC 4180, numbers
 * unrounded with a dot, the filters on every row). The sections differ in shape, so it is long
 * rather than wide: one row per figure, named by section, code and the API's own field name, which
 * a spreadsheet's pivot table turns into any table of the page.
 */
final class OperationsCsv {

    static final List<String> HEADER = List.of("section", "code", "name", "measure", "value", "filterIntervention",
            "filterMunicipality", "filterFrom", "filterTo");

    private OperationsCsv() {
    }

    /**
     * @param labels            the page's words for a section's code (see {@link OperationsViews#label})
     * @param interventionNames intervention names by code; a code without one stays itself
     */
    static String write(Map<String, Object> report, OperationsFilters filters, BiFunction<String, String, String> labels,
            Map<String, String> interventionNames) {
        Rows rows = new Rows(List.of(text(filters.intervention()), text(filters.municipality()), text(filters.from()),
                text(filters.to())));
        rows.add("referrals", "", "", "count", report.get("referrals"));
        for (Map<String, Object> step : list(report.get("funnel"))) {
            String code = text(step.get("step"));
            rows.add("funnel", code, labels.apply("step", code), "count", step.get("count"));
            rows.add("funnel", code, labels.apply("step", code), "conversion", step.get("conversion"));
        }
        map(report.get("byStatus")).forEach((code, count) -> rows.add("byStatus", code, labels.apply("status", code),
                "count", count));
        for (String kind : List.of("responseDays", "waitingDays")) {
            Map<String, Object> durations = map(report.get(kind));
            String name = labels.apply("duration", "responseDays".equals(kind) ? "response" : "waiting");
            for (String measure : List.of("n", "median", "p90")) {
                rows.add(kind, "", name, measure, durations.get(measure));
            }
        }
        Map<String, Object> declines = map(report.get("declines"));
        rows.add("declines", "", "", "declined", declines.get("declined"));
        map(declines.get("reasons")).forEach((code, count) -> rows.add("declineReasons", code,
                labels.apply("reason", code), "count", count));
        map(declines.get("suggested")).forEach((code, count) -> rows.add("suggested", code,
                interventionNames.getOrDefault(code, code), "count", count));
        map(declines.get("bridgedTo")).forEach((code, count) -> rows.add("bridgedTo", code,
                interventionNames.getOrDefault(code, code), "count", count));
        map(report.get("sources")).forEach((code, count) -> rows.add("sources", code, labels.apply("source", code),
                "count", count));
        for (Map<String, Object> row : list(report.get("capacity"))) {
            String code = text(row.get("intervention"));
            for (String measure : List.of("places", "occupied", "waiting", "freePlaces", "utilisation", "expectedStart",
                    "waitDays")) {
                rows.add("capacity", code, interventionNames.getOrDefault(code, code), measure, row.get(measure));
            }
        }
        for (Map<String, Object> row : list(report.get("volunteers"))) {
            String code = text(row.get("ngo"));
            for (String measure : List.of("active", "onboarding", "leftLast12Months", "meanActive", "turnover")) {
                rows.add("volunteers", code, code, measure, row.get(measure));
            }
        }
        for (Map<String, Object> row : list(report.get("background"))) {
            String code = text(row.get("question"));
            for (String measure : List.of("answered", "yes", "share")) {
                rows.add("background", code, labels.apply("background", code), measure, row.get(measure));
            }
        }
        for (Map<String, Object> row : list(report.get("completeness"))) {
            String code = text(row.get("intervention"));
            String name = interventionNames.getOrDefault(code, code);
            for (String measure : List.of("due", "onTime", "share")) {
                rows.add("completeness", code, name, measure, row.get(measure));
            }
            Map<String, Object> overdue = map(row.get("overdueByRole"));
            // Every role, 0 included: the service leaves out a role with nothing overdue.
            for (String role : OperationsViews.RESPONSIBLE) {
                rows.add("completeness", code, name, "overdueByRole." + role, overdue.getOrDefault(role, 0));
            }
        }
        return rows.csv.toString();
    }

    private static final class Rows {

        final StringBuilder csv = new StringBuilder();
        final List<String> filterColumns;

        Rows(List<String> filterColumns) {
            this.filterColumns = filterColumns;
            OutcomeCsv.line(csv, HEADER);
        }

        void add(String section, String code, String name, String measure, Object value) {
            List<String> row = new ArrayList<>(List.of(section, code, name, measure,
                    value instanceof Number ? OutcomeCsv.number(value) : text(value)));
            row.addAll(filterColumns);
            OutcomeCsv.line(csv, row);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
