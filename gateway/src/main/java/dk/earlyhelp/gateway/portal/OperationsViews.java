package dk.earlyhelp.gateway.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The operations report of METRICS.md §5 as the steering group's and the NGO coordinator's
 * dashboard shows it, in the user's language: codes as words, shares in per cent with one decimal,
 * days as median and 90th percentile, and the geometry of the funnel's server-drawn SVG chart with a
 * sentence that says what it shows.
 */
@Component
class OperationsViews {

    /** The roles the service counts overdue questionnaires by (METRICS.md §5 "by person responsible"). */
    static final List<String> RESPONSIBLE = List.of("NGO_COORDINATOR", "VOLUNTEER");

    private static final double LABEL_WIDTH = 230;
    private static final double PLOT_WIDTH = 230;
    private static final double ROW = 32;
    private static final double WIDTH = 560;

    private final MessageSource messages;
    private final OutcomeViews outcomes;

    OperationsViews(MessageSource messages, OutcomeViews outcomes) {
        this.messages = messages;
        this.outcomes = outcomes;
    }

    /**
     * @param referrals  referrals submitted in the period (the funnel's first step)
     * @param notApplied labels of chosen filters the service did not apply (it echoes the ones it did)
     */
    record Dashboard(long referrals, List<FunnelRow> funnel, FunnelChart chart, List<CountRow> byStatus,
                     DurationRow response, DurationRow waiting, Declines declines, List<CountRow> sources,
                     List<CapacityRow> capacity, List<VolunteerRow> volunteers, List<BackgroundRow> background,
                     boolean backgroundAnswered, List<CompletenessRow> completeness, List<String> notApplied) {

        /** Response time, then waiting time: the rows of one table. */
        public List<DurationRow> durations() {
            return List.of(response, waiting);
        }
    }

    /**
     * A step of the funnel, with its bar in the chart.
     *
     * @param conversion the share of the step before that reached this one ("–" for the first, or none before)
     * @param width      the bar's width, null for none
     */
    record FunnelRow(String step, String label, long count, String conversion, String y, String textY,
                     String width, String valueX, String value) {
    }

    record FunnelChart(String description, String viewBox, String barX, String axisY) {
    }

    /** @param share of the whole the section counts (all referrals, all declined) */
    record CountRow(String code, String label, long count, String share) {
    }

    /** @param median "–" without any; in days, with a decimal only for a half day */
    record DurationRow(String label, String explanation, int n, String median, String p90) {
    }

    record Declines(long declined, List<CountRow> reasons, List<CountRow> suggested, List<CountRow> bridgedTo) {
    }

    record CapacityRow(String intervention, String name, int places, int occupied, int waiting, int freePlaces,
                       String utilisation, String expectedStart, String expectedWait) {
    }

    record VolunteerRow(String ngo, int active, int onboarding, int left, String meanActive, String turnover) {
    }

    record BackgroundRow(String code, String question, int answered, int yes, String share) {
    }

    record CompletenessRow(String intervention, String name, int due, int onTime, String share,
                           int overdueCoordinator, int overdueVolunteer) {
    }

    @SuppressWarnings("unchecked")
    Dashboard dashboard(Map<String, Object> report, OperationsFilters filters, Map<String, String> interventionNames) {
        long referrals = count(report.get("referrals"));
        List<FunnelRow> funnel = funnel(list(report.get("funnel")));
        List<CountRow> byStatus = counts(map(report.get("byStatus")), referrals, "status").stream()
                .filter(row -> row.count() > 0).toList();
        Map<String, Object> declines = map(report.get("declines"));
        long declined = count(declines.get("declined"));
        Map<String, String> names = interventionNames;
        Declines declineView = new Declines(declined,
                counts(map(declines.get("reasons")), declined, "reason"),
                named(counts(map(declines.get("suggested")), declined, null), names),
                named(counts(map(declines.get("bridgedTo")), declined, null), names));
        List<CountRow> sources = counts(map(report.get("sources")), referrals, "source");
        List<BackgroundRow> background = list(report.get("background")).stream().map(this::background).toList();
        return new Dashboard(referrals, funnel, funnelChart(funnel), byStatus,
                duration(map(report.get("responseDays")), "response"),
                duration(map(report.get("waitingDays")), "waiting"), declineView, sources,
                list(report.get("capacity")).stream().map(row -> capacity(row, names)).toList(),
                list(report.get("volunteers")).stream().map(row -> volunteers(row, interventionNames)).toList(),
                background,
                background.stream().anyMatch(row -> row.answered() > 0),
                list(report.get("completeness")).stream().map(row -> completeness(row, names)).toList(),
                notApplied(report, filters));
    }

    /** The service echoes the filters it applied; one it does not know must not look applied. */
    private List<String> notApplied(Map<String, Object> report, OperationsFilters filters) {
        if (!(report.get("filters") instanceof Map<?, ?> echoed)) {
            return List.of();
        }
        return filters.given().keySet().stream().filter(name -> !echoed.containsKey(name))
                .map(name -> text("outcomes.filter." + name)).toList();
    }

    private List<FunnelRow> funnel(List<Map<String, Object>> steps) {
        long most = steps.stream().mapToLong(step -> count(step.get("count"))).max().orElse(0);
        List<FunnelRow> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> step = steps.get(i);
            String code = String.valueOf(step.get("step"));
            long count = count(step.get("count"));
            String conversion = i == 0 ? "–" : outcomes.percent(step.get("conversion"));
            double width = most == 0 ? 0 : (double) count / most * PLOT_WIDTH;
            double y = i * ROW;
            rows.add(new FunnelRow(code, label("step", code), count, conversion,
                    coordinate(y + 6), coordinate(y + 21), count == 0 ? null : coordinate(width),
                    coordinate(LABEL_WIDTH + width + 8),
                    i == 0 || "–".equals(conversion) ? String.valueOf(count)
                            : text("operations.chart.value", count, conversion)));
        }
        return rows;
    }

    private FunnelChart funnelChart(List<FunnelRow> rows) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            FunnelRow row = rows.get(i);
            parts.add(i == 0 || "–".equals(row.conversion()) ? text("operations.chart.first", row.label(), row.count())
                    : text("operations.chart.step", row.label(), row.count(), row.conversion()));
        }
        double height = rows.size() * ROW + 4;
        return new FunnelChart(text("operations.chart.funnel", String.join("; ", parts)),
                "0 0 " + coordinate(WIDTH) + " " + coordinate(height), coordinate(LABEL_WIDTH), coordinate(height));
    }

    private DurationRow duration(Map<String, Object> durations, String kind) {
        return new DurationRow(label("duration", kind), text("operations.duration." + kind + ".explained"),
                (int) count(durations.get("n")), days(durations.get("median")), days(durations.get("p90")));
    }

    private BackgroundRow background(Map<String, Object> row) {
        String code = String.valueOf(row.get("question"));
        return new BackgroundRow(code, label("background", code),
                (int) count(row.get("answered")), (int) count(row.get("yes")), outcomes.percent(row.get("share")));
    }

    private CapacityRow capacity(Map<String, Object> row, Map<String, String> names) {
        String code = String.valueOf(row.get("intervention"));
        Object expectedStart = row.get("expectedStart");
        Object waitDays = row.get("waitDays");
        return new CapacityRow(code, names.getOrDefault(code, code), (int) count(row.get("places")),
                (int) count(row.get("occupied")), (int) count(row.get("waiting")), (int) count(row.get("freePlaces")),
                outcomes.percent(row.get("utilisation")),
                expectedStart == null ? text("operations.capacity.noStart") : outcomes.date(expectedStart.toString()),
                waitDays instanceof Number days ? text("operations.days", days.longValue()) : "–");
    }

    /** @param names also name the NGOs, by their codes */
    private VolunteerRow volunteers(Map<String, Object> row, Map<String, String> names) {
        String ngo = String.valueOf(row.get("ngo"));
        return new VolunteerRow(names.getOrDefault(ngo, ngo), (int) count(row.get("active")),
                (int) count(row.get("onboarding")), (int) count(row.get("leftLast12Months")),
                outcomes.decimal(row.get("meanActive"), 1), outcomes.percent(row.get("turnover")));
    }

    private CompletenessRow completeness(Map<String, Object> row, Map<String, String> names) {
        String code = String.valueOf(row.get("intervention"));
        Map<String, Object> overdue = map(row.get("overdueByRole"));
        return new CompletenessRow(code, names.getOrDefault(code, code), (int) count(row.get("due")),
                (int) count(row.get("onTime")), outcomes.percent(row.get("share")),
                (int) count(overdue.get("NGO_COORDINATOR")), (int) count(overdue.get("VOLUNTEER")));
    }

    /** Counts by code, most first (a stable sort keeps the service's order among equals), labelled by section. */
    private List<CountRow> counts(Map<String, Object> counts, long whole, String section) {
        return counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(count(b.getValue()), count(a.getValue())))
                .map(entry -> new CountRow(entry.getKey(), section == null ? entry.getKey()
                        : label(section, entry.getKey()), count(entry.getValue()),
                        whole == 0 ? "–" : outcomes.percent((double) count(entry.getValue()) / whole)))
                .toList();
    }

    private static List<CountRow> named(List<CountRow> rows, Map<String, String> names) {
        return rows.stream().map(row -> new CountRow(row.code(), names.getOrDefault(row.code(), row.code()),
                row.count(), row.share())).toList();
    }

    /** Days as the service gives them: whole days, or a half for the median of an even count. */
    String days(Object value) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            return "–";
        }
        BigDecimal rounded = BigDecimal.valueOf(number.doubleValue()).setScale(1, RoundingMode.HALF_UP);
        DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(LocaleContextHolder.getLocale()));
        return format.format(rounded);
    }

    /**
     * The words for a code of a section of the report, as the page and the CSV show it:
     * {@code step}, {@code status}, {@code reason}, {@code source}, {@code background} or
     * {@code duration}; an unknown code stays itself.
     */
    String label(String section, String code) {
        return switch (section) {
            case "step" -> label("operations.step." + code, null, code);
            case "status" -> label("operations.status." + code, null, code);
            case "reason" -> label("operations.reason." + code, null, code);
            // The referral pages' own words for the referrer's role; OTHER and UNKNOWN are the dashboard's.
            case "source" -> label("staffRole." + code, "operations.source." + code, code);
            case "background" -> label("operations.background." + code, null, code);
            case "duration" -> label("operations.duration." + code, null, code);
            default -> code;
        };
    }

    /** The message of the first key that has one, else the code itself. */
    private String label(String key, String otherKey, String code) {
        Locale locale = LocaleContextHolder.getLocale();
        String found = messages.getMessage(key, null, null, locale);
        if (found == null && otherKey != null) {
            found = messages.getMessage(otherKey, null, null, locale);
        }
        return found == null ? code : found;
    }

    private String text(String key, Object... arguments) {
        return outcomes.text(key, arguments);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static long count(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
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
