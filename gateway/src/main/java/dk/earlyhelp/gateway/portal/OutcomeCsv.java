package dk.earlyhelp.gateway.portal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The outcomes report as CSV (RFC 4180: comma, CRLF, quotes where needed) for the steering group's
 * own spreadsheets: one row per dimension and occasion or comparison, numbers unrounded with a dot,
 * a suppressed block's figures left empty with {@code suppressed} true, and the filters on every
 * row so a file keeps what it shows.
 */
final class OutcomeCsv {

    static final List<String> HEADER = List.of("dimension", "dimensionName", "higherIsBetter", "block", "occasion",
            "from", "to", "n", "mean", "meanFrom", "meanTo", "meanChange", "effectSize", "pValue", "significance",
            "improved", "unchanged", "worsened", "suppressed", "followUpDue", "followUpAnswered",
            "followUpResponseRate", "filterIntervention", "filterNgo", "filterMunicipality", "filterType", "filterFrom",
            "filterTo", "filterAgeBand", "filterGender", "filterFidelity", "classification");

    private static final List<String> COMPARISON_FIGURES = List.of("meanFrom", "meanTo", "meanChange", "effectSize",
            "pValue", "significance", "improved", "unchanged", "worsened");

    private OutcomeCsv() {
    }

    @SuppressWarnings("unchecked")
    static String write(Map<String, Object> report, OutcomeFilters filters, Function<String, String> dimensionNames) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        Map<String, Object> followUp = report.get("followUp") instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        List<String> filterColumns = List.of(text(filters.intervention()), text(filters.ngo()),
                text(filters.municipality()), text(filters.type()), text(filters.from()), text(filters.to()),
                text(filters.ageBand()), text(filters.gender()), text(filters.fidelity()),
                text(filters.classification() == null ? "DIFFERENCE" : filters.classification()));
        for (Map<String, Object> dimension : (List<Map<String, Object>>) report.getOrDefault("dimensions", List.of())) {
            String code = (String) dimension.get("dimension");
            List<String> start = List.of(code, dimensionNames.apply(code), text(dimension.get("higherIsBetter")));
            Map<String, Object> occasions = (Map<String, Object>) dimension.getOrDefault("occasions", Map.of());
            for (String occasion : OutcomeViews.OCCASIONS) {
                if (!(occasions.get(occasion) instanceof Map<?, ?> found)) {
                    continue;
                }
                Map<String, Object> block = (Map<String, Object>) found;
                boolean suppressed = Boolean.TRUE.equals(block.get("suppressed"));
                List<String> row = new ArrayList<>(start);
                row.addAll(List.of("occasion", occasion, "", "", number(block.get("n")),
                        suppressed ? "" : number(block.get("mean"))));
                COMPARISON_FIGURES.forEach(figure -> row.add(""));
                row.add(String.valueOf(suppressed));
                row.addAll(followUp(followUp, OutcomeViews.FOLLOW_UP.equals(occasion)));
                row.addAll(filterColumns);
                line(csv, row);
            }
            for (Map<String, Object> comparison : (List<Map<String, Object>>) dimension.getOrDefault("comparisons",
                    List.of())) {
                boolean suppressed = Boolean.TRUE.equals(comparison.get("suppressed"));
                List<String> row = new ArrayList<>(start);
                row.addAll(List.of("comparison", "", text(comparison.get("from")), text(comparison.get("to")),
                        number(comparison.get("n")), ""));
                COMPARISON_FIGURES.forEach(figure -> row.add(suppressed ? ""
                        : "significance".equals(figure) ? text(comparison.get(figure)) : number(comparison.get(figure))));
                row.add(String.valueOf(suppressed));
                row.addAll(followUp(followUp, OutcomeViews.FOLLOW_UP.equals(comparison.get("to"))));
                row.addAll(filterColumns);
                line(csv, row);
            }
        }
        return csv.toString();
    }

    /** The follow-up response rate beside every follow-up figure, as on the page. */
    private static List<String> followUp(Map<String, Object> followUp, boolean followUpFigure) {
        if (followUp == null || !followUpFigure) {
            return List.of("", "", "");
        }
        return List.of(number(followUp.get("due")), number(followUp.get("answered")),
                number(followUp.get("responseRate")));
    }

    /** Unrounded and never in exponent form (2.8E-7 would not read as a number everywhere). */
    static String number(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return BigDecimal.valueOf(number.doubleValue()).toPlainString();
        }
        return "";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * Quoted when it holds a comma, quote or line break (RFC 4180); text a spreadsheet would run as a
     * formula gets a leading apostrophe (a filter value is the user's own input, OWASP "CSV injection").
     */
    static String field(String value) {
        boolean formula = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value);
        String safe = formula ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
