package dk.earlyhelp.gateway.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dk.earlyhelp.platform.security.Caller;

/**
 * The outcomes report of METRICS.md §3 as the steering group's dashboard shows it, in the user's
 * language: rounded for reading (means 2 decimals, shares 1), suppressed cells as text, and the
 * geometry of the server-drawn SVG charts, each with a sentence that says what it shows.
 */
@Component
class OutcomeViews {

    static final List<String> OCCASIONS = List.of("BEFORE", "AFTER", "FOLLOW_UP");
    static final String FOLLOW_UP = "FOLLOW_UP";

    /** Width of the bars' coordinate system; the charts scale to the page, and to half an A4 column in print. */
    static final double WIDTH = 480;
    private static final double LEGEND_SPACING = 160;
    private static final double MEANS_PLOT_START = 100;
    private static final double MEANS_PLOT_WIDTH = 240;
    private static final double MEANS_ROW = 32;
    private static final double MEANS_WIDTH = 540;
    /** Room for a share's label above the bar ("100,0 %" at 14 units). */
    private static final double LABEL_SPACING = 62;

    private final MessageSource messages;

    OutcomeViews(MessageSource messages) {
        this.messages = messages;
    }

    record Option(String value, String label, boolean selected) {
    }

    record FilterOptions(List<Option> interventions, List<Option> ngos, List<Option> municipalities,
                         List<Option> types, List<Option> ageBands, List<Option> genders,
                         List<Option> fidelityLevels, List<Option> classifications) {
    }

    /** One line of "filters applied", e.g. "Indsats: Powerkids". */
    record AppliedFilter(String label, String value) {
    }

    /**
     * @param followUp    the follow-up response rate; null when the service does not report it
     * @param fidelity    null when the service does not report fidelity, else one row per intervention
     * @param notApplied  labels of chosen filters the service did not apply (it echoes the ones it did)
     */
    record Dashboard(int threshold, String suppressedText, List<DimensionView> dimensions, FollowUp followUp,
                     List<FidelityRow> fidelity, List<String> notApplied) {
    }

    /** @param hasFollowUp the follow-up occasion is among the occasions (its response rate goes beside the chart) */
    record DimensionView(String code, String name, boolean higherIsBetter, List<OccasionRow> occasions,
                         List<ComparisonRow> comparisons, MeansChart chart, boolean hasFollowUp) {
    }

    /** @param value the unrounded mean, for the chart; null when suppressed or without answers */
    record OccasionRow(String occasion, String label, int n, boolean suppressed, String mean, Double value,
                       boolean followUp) {
    }

    record ComparisonRow(String from, String to, String label, int n, boolean suppressed, String meanFrom,
                         String meanTo, String meanChange, String effectSize, String pValue, String significance,
                         String improved, String unchanged, String worsened, boolean followUp, StackedBar bar) {
    }

    /** Improved, unchanged and worsened side by side, each share with a pattern of its own and a visible label. */
    record StackedBar(String description, List<Segment> segments) {

        public String viewBox() {
            return "0 0 " + coordinate(WIDTH) + " 90";
        }
    }

    /**
     * @param kind     improved, unchanged or worsened: the CSS class and pattern
     * @param labelled whether the share's label is drawn above the segment (not for an empty one)
     */
    record Segment(String kind, String name, String percent, String x, String width, String labelX, boolean labelled,
                   String legendX, String legendTextX) {
    }

    /** @param tickY where the scale's numbers stand, below the rows */
    record MeansChart(String description, List<MeanBar> bars, List<Tick> ticks, String viewBox, String axisY,
                      String tickY, String barX) {
    }

    /** @param width null when there is no mean to draw (suppressed or no answers); its text then starts the row */
    record MeanBar(String label, String y, String textY, String width, String value, String valueX) {
    }

    record Tick(String x, String label) {
    }

    /**
     * @param rate  the share answered, as a percentage, or null when no follow-up is due yet
     * @param note  the rate with how many answered of how many due
     * @param brief the rate alone, beside each follow-up figure
     */
    record FollowUp(int due, int answered, String rate, String note, String brief) {
    }

    record FidelityRow(String intervention, String name, int n, boolean suppressed, String mean, String level) {
    }

    // ---- filters ----

    /**
     * The choices of the filter form: only the interventions, NGOs and municipalities of the user's
     * partnerships (all for an administrator), named from the NGO service's partnerships where it
     * answered, else by their codes. A chosen value that is not among them stays chosen.
     */
    FilterOptions options(Caller caller, List<Map<String, Object>> partnerships, OutcomeFilters chosen) {
        Map<String, String> interventions = new LinkedHashMap<>();
        Map<String, String> ngos = new LinkedHashMap<>();
        Map<String, String> municipalities = new LinkedHashMap<>();
        List<String> named = new ArrayList<>();
        for (Map<String, Object> partnership : partnerships) {
            String id = (String) partnership.get("id");
            if (id == null || !(caller.hasRole("ADMIN") || caller.partnerships().contains(id))) {
                continue;
            }
            named.add(id);
            String intervention = (String) partnership.get("interventionCode");
            Object name = partnership.get("interventionName");
            interventions.put(intervention, name == null ? intervention : name.toString());
            if (partnership.get("ngoCode") != null) {
                Object ngoName = partnership.get("ngoName");
                ngos.put((String) partnership.get("ngoCode"),
                        ngoName == null ? (String) partnership.get("ngoCode") : ngoName.toString());
            }
            String municipality = (String) partnership.get("municipalityCode");
            municipalities.put(municipality, municipalityName(municipality));
        }
        // The token's partnerships are "<intervention>-<municipality code>"; without the NGO service they are all we know.
        for (String id : caller.partnerships()) {
            int dash = id.lastIndexOf('-');
            if (named.contains(id) || dash < 1) {
                continue;
            }
            interventions.putIfAbsent(id.substring(0, dash), id.substring(0, dash));
            String municipality = id.substring(dash + 1);
            municipalities.putIfAbsent(municipality, municipalityName(municipality));
        }
        return new FilterOptions(options(interventions, chosen.intervention()), options(ngos, chosen.ngo()),
                options(municipalities, chosen.municipality()),
                fixed(OutcomeFilters.TYPES, "offerType.", chosen.type()),
                fixed(OutcomeFilters.AGE_BANDS, "outcomes.ageBand.", chosen.ageBand()),
                fixed(OutcomeFilters.GENDERS, "outcomes.gender.", chosen.gender()),
                fixed(OutcomeFilters.FIDELITY_LEVELS, "outcomes.fidelityLevel.", chosen.fidelity()),
                fixed(OutcomeFilters.CLASSIFICATIONS, "outcomes.classification.", chosen.classification()));
    }

    /** What the report is filtered by, for the top of the page and of the printout. */
    List<AppliedFilter> applied(OutcomeFilters filters, FilterOptions options) {
        List<AppliedFilter> applied = new ArrayList<>();
        add(applied, "intervention", label(options.interventions(), filters.intervention()));
        add(applied, "ngo", label(options.ngos(), filters.ngo()));
        add(applied, "municipality", label(options.municipalities(), filters.municipality()));
        add(applied, "type", label(options.types(), filters.type()));
        if (filters.from() != null || filters.to() != null) {
            String from = filters.from() == null ? null : date(filters.from());
            String to = filters.to() == null ? null : date(filters.to());
            add(applied, "period", from == null ? text("outcomes.period.until", to)
                    : to == null ? text("outcomes.period.since", from) : text("outcomes.period.between", from, to));
        }
        add(applied, "ageBand", label(options.ageBands(), filters.ageBand()));
        add(applied, "gender", label(options.genders(), filters.gender()));
        add(applied, "fidelity", label(options.fidelityLevels(), filters.fidelity()));
        add(applied, "classification", label(options.classifications(), filters.classification()));
        return applied;
    }

    // ---- figures ----

    @SuppressWarnings("unchecked")
    Dashboard dashboard(Map<String, Object> report, OutcomeFilters filters, Map<String, String> interventionNames) {
        int threshold = report.get("suppressionThreshold") instanceof Number number ? number.intValue() : 5;
        String suppressed = text("outcomes.suppressed", threshold);
        FollowUp followUp = followUp(map(report.get("followUp")));
        List<DimensionView> dimensions = new ArrayList<>();
        for (Map<String, Object> dimension : (List<Map<String, Object>>) report.getOrDefault("dimensions", List.of())) {
            dimensions.add(dimension(dimension, suppressed, followUp));
        }
        List<FidelityRow> fidelity = report.get("fidelity") instanceof List<?> rows
                ? ((List<Map<String, Object>>) rows).stream().map(row -> fidelity(row, interventionNames)).toList()
                : null;
        return new Dashboard(threshold, suppressed, dimensions, followUp, fidelity, notApplied(report, filters));
    }

    /** The service echoes the filters it applied; one it does not know yet must not look applied. */
    private List<String> notApplied(Map<String, Object> report, OutcomeFilters filters) {
        if (!(report.get("filters") instanceof Map<?, ?> echoed)) {
            return List.of();
        }
        return filters.given().keySet().stream().filter(name -> !echoed.containsKey(name))
                .map(name -> text("outcomes.filter." + name)).toList();
    }

    @SuppressWarnings("unchecked")
    private DimensionView dimension(Map<String, Object> dimension, String suppressed, FollowUp followUp) {
        String code = (String) dimension.get("dimension");
        boolean higherIsBetter = !Boolean.FALSE.equals(dimension.get("higherIsBetter"));
        Map<String, Object> occasions = map(dimension.get("occasions"));
        List<OccasionRow> occasionRows = new ArrayList<>();
        for (String occasion : OCCASIONS) {
            if (occasions.get(occasion) instanceof Map<?, ?> block) {
                boolean hidden = Boolean.TRUE.equals(block.get("suppressed"));
                Double mean = !hidden && block.get("mean") instanceof Number number ? number.doubleValue() : null;
                occasionRows.add(new OccasionRow(occasion, text("occasion." + occasion), count(block.get("n")), hidden,
                        hidden ? suppressed : decimal(mean, 2), mean, FOLLOW_UP.equals(occasion)));
            }
        }
        List<ComparisonRow> comparisons = new ArrayList<>();
        for (Map<String, Object> comparison : (List<Map<String, Object>>) dimension.getOrDefault("comparisons",
                List.of())) {
            comparisons.add(comparison(comparison, suppressed));
        }
        String name = text("dimension." + code);
        return new DimensionView(code, name, higherIsBetter, occasionRows, comparisons,
                meansChart(name, occasionRows, followUp), occasionRows.stream().anyMatch(OccasionRow::followUp));
    }

    private ComparisonRow comparison(Map<String, Object> comparison, String suppressed) {
        String from = (String) comparison.get("from");
        String to = (String) comparison.get("to");
        String label = text("occasion." + from) + " – " + text("occasion." + to);
        int n = count(comparison.get("n"));
        if (Boolean.TRUE.equals(comparison.get("suppressed"))) {
            return new ComparisonRow(from, to, label, n, true, null, null, null, null, null, null, null, null, null,
                    FOLLOW_UP.equals(to), null);
        }
        String improved = percent(comparison.get("improved"));
        String unchanged = percent(comparison.get("unchanged"));
        String worsened = percent(comparison.get("worsened"));
        StackedBar bar = n == 0 ? null : stackedBar(label, n, comparison);
        return new ComparisonRow(from, to, label, n, false, decimal(comparison.get("meanFrom"), 2),
                decimal(comparison.get("meanTo"), 2), signed(comparison.get("meanChange")),
                decimal(comparison.get("effectSize"), 2), pValue(comparison.get("pValue")),
                comparison.get("significance") == null ? "" : comparison.get("significance").toString(), improved,
                unchanged, worsened, FOLLOW_UP.equals(to), bar);
    }

    private FollowUp followUp(Map<String, Object> followUp) {
        if (followUp.isEmpty()) {
            return null;
        }
        int due = count(followUp.get("due"));
        int answered = count(followUp.get("answered"));
        String rate = followUp.get("responseRate") instanceof Number ? percent(followUp.get("responseRate")) : null;
        return rate == null
                ? new FollowUp(due, answered, null, text("outcomes.followUp.noneDue"), text("outcomes.followUp.noneDue"))
                : new FollowUp(due, answered, rate, text("outcomes.followUp.rate", rate, answered, due),
                        text("outcomes.followUp.brief", rate));
    }

    private FidelityRow fidelity(Map<String, Object> row, Map<String, String> interventionNames) {
        String intervention = (String) row.get("intervention");
        boolean hidden = Boolean.TRUE.equals(row.get("suppressed"));
        Object mean = row.get("mean");
        String level = hidden || !(mean instanceof Number number) ? null
                : text("outcomes.fidelity.level." + fidelityLevel(number.doubleValue()));
        return new FidelityRow(intervention, interventionNames.getOrDefault(intervention, intervention),
                count(row.get("n")), hidden, hidden ? null : decimal(mean, 2), level);
    }

    /** METRICS.md §4: 4 and above reads as high fidelity, 3 to 4 as partial, below 3 as low. */
    static String fidelityLevel(double mean) {
        return mean >= 4 ? "HIGH" : mean >= 3 ? "PARTIAL" : "LOW";
    }

    // ---- charts ----

    private StackedBar stackedBar(String label, int n, Map<String, Object> comparison) {
        String[] kinds = { "improved", "unchanged", "worsened" };
        double[] shares = new double[3];
        for (int i = 0; i < 3; i++) {
            shares[i] = comparison.get(kinds[i]) instanceof Number share ? Math.max(0, share.doubleValue()) : 0;
        }
        double[] centres = new double[3];
        double x = 0;
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double width = shares[i] * WIDTH;
            centres[i] = x + width / 2;
            x += width;
        }
        double[] labels = spreadLabels(centres);
        x = 0;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double width = shares[i] * WIDTH;
            String name = text("outcomes." + kinds[i]);
            String percent = percent(shares[i]);
            segments.add(new Segment(kinds[i], name, percent, coordinate(x), coordinate(width),
                    coordinate(labels[i]), width > 0, coordinate(i * LEGEND_SPACING),
                    coordinate(i * LEGEND_SPACING + 22)));
            parts.add(name + " " + percent);
            x += width;
        }
        return new StackedBar(text("outcomes.chart.bar", label, n, String.join(", ", parts)), segments);
    }

    /**
     * Centres of the share labels above the bar, moved apart where segments are too narrow for
     * their labels, and kept inside the chart.
     */
    static double[] spreadLabels(double[] centres) {
        double[] labels = centres.clone();
        double half = LABEL_SPACING / 2;
        labels[0] = Math.max(labels[0], half);
        for (int i = 1; i < labels.length; i++) {
            labels[i] = Math.max(labels[i], labels[i - 1] + LABEL_SPACING);
        }
        labels[labels.length - 1] = Math.min(labels[labels.length - 1], WIDTH - half);
        for (int i = labels.length - 2; i >= 0; i--) {
            labels[i] = Math.min(labels[i], labels[i + 1] - LABEL_SPACING);
        }
        return labels;
    }

    private MeansChart meansChart(String dimension, List<OccasionRow> occasions, FollowUp followUp) {
        List<MeanBar> bars = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < occasions.size(); i++) {
            OccasionRow row = occasions.get(i);
            double y = i * MEANS_ROW;
            String width = null;
            String value;
            if (row.suppressed()) {
                value = row.mean();
            } else if (row.value() == null) {
                value = text("outcomes.noAnswers");
            } else {
                width = coordinate(Math.max(0, Math.min(3, row.value() - 1)) / 3 * MEANS_PLOT_WIDTH);
                value = text("outcomes.chart.meanValue", row.mean(), row.n());
            }
            bars.add(new MeanBar(row.label(), coordinate(y + 6), coordinate(y + 21), width, value,
                    coordinate(width == null ? MEANS_PLOT_START : MEANS_PLOT_START + MEANS_PLOT_WIDTH + 10)));
            parts.add(row.label() + ": " + value + (row.followUp() && followUp != null ? " (" + followUp.note() + ")"
                    : ""));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int value = 1; value <= 4; value++) {
            ticks.add(new Tick(coordinate(MEANS_PLOT_START + (value - 1) / 3.0 * MEANS_PLOT_WIDTH),
                    String.valueOf(value)));
        }
        double axis = occasions.size() * MEANS_ROW + 4;
        return new MeansChart(text("outcomes.chart.means", dimension, String.join("; ", parts)), bars, ticks,
                "0 0 " + coordinate(MEANS_WIDTH) + " " + coordinate(axis + 22), coordinate(axis), coordinate(axis + 18),
                coordinate(MEANS_PLOT_START));
    }

    // ---- formatting ----

    /** Option lists sorted by their label, the chosen value kept even if not among them. */
    private static List<Option> options(Map<String, String> labels, String chosen) {
        List<Option> options = new ArrayList<>(labels.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(String::toLowerCase)))
                .map(entry -> new Option(entry.getKey(), entry.getValue(), entry.getKey().equals(chosen)))
                .toList());
        if (chosen != null && !labels.containsKey(chosen)) {
            options.add(new Option(chosen, chosen, true));
        }
        return options;
    }

    private List<Option> fixed(List<String> values, String prefix, String chosen) {
        Map<String, String> labels = new LinkedHashMap<>();
        values.forEach(value -> labels.put(value, text(prefix + value)));
        List<Option> options = new ArrayList<>(labels.entrySet().stream()
                .map(entry -> new Option(entry.getKey(), entry.getValue(), entry.getKey().equals(chosen))).toList());
        if (chosen != null && !labels.containsKey(chosen)) {
            options.add(new Option(chosen, chosen, true));
        }
        return options;
    }

    private static String label(List<Option> options, String value) {
        return value == null ? null : options.stream().filter(option -> option.value().equals(value))
                .map(Option::label).findFirst().orElse(value);
    }

    private void add(List<AppliedFilter> applied, String name, String value) {
        if (value != null) {
            applied.add(new AppliedFilter(text("outcomes.filter." + name), value));
        }
    }

    private String municipalityName(String code) {
        return messages.getMessage("municipality." + code, null, code, LocaleContextHolder.getLocale());
    }

    /** A number rounded half up to the given decimals, with the language's decimal mark; "–" for none. */
    String decimal(Object value, int decimals) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            return "–";
        }
        BigDecimal rounded = BigDecimal.valueOf(number.doubleValue()).setScale(decimals, RoundingMode.HALF_UP);
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(LocaleContextHolder.getLocale()));
        return format.format(rounded);
    }

    /** A share (0..1) as a percentage with one decimal. */
    String percent(Object share) {
        if (!(share instanceof Number number)) {
            return "–";
        }
        return text("outcomes.percent", decimal(number.doubleValue() * 100, 1));
    }

    private String signed(Object change) {
        String text = decimal(change, 2);
        return change instanceof Number number && BigDecimal.valueOf(number.doubleValue())
                .setScale(2, RoundingMode.HALF_UP).signum() > 0 ? "+" + text : text;
    }

    private String pValue(Object pValue) {
        if (!(pValue instanceof Number number)) {
            return "–";
        }
        return number.doubleValue() < 0.001 ? "< " + decimal(0.001, 3) : decimal(number, 3);
    }

    String date(String isoDate) {
        LocalDate date = OutcomeFilters.date(isoDate);
        return date == null ? isoDate : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(LocaleContextHolder.getLocale()));
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static int count(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    /** The display name of each dimension code, for the CSV export. */
    Function<String, String> dimensionNames() {
        return code -> text("dimension." + code);
    }
}
