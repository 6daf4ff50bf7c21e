package dk.earlyhelp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The steering group's outcome dashboard and its CSV over real HTTP: the portal logged in as the
 * demo steering group, the measurement service's outcomes API played by an {@link OutcomesService}
 * answering the shape of METRICS.md §3 (the NGO service is down, so options carry codes).
 */
class OutcomeDashboardTests extends RunningGateway {

    static final String ALL_FILTERS = "intervention=POWERKIDS&ngo=URK_AAR&municipality=0751&type=GROUP"
            + "&from=2015-01-01&to=2015-12-31&ageBand=10-12&gender=GIRL&fidelity=HIGH&classification=RELIABLE_CHANGE";
    static final Pattern CSV_LINK = Pattern.compile("href=\"(/resultater\\.csv[^\"]*)\"");

    /** Logged in once for the class: the login form's rate limit is per address, and all tests share one. */
    static BrowserSession steeringGroup;

    @BeforeEach
    void logInOnce() throws Exception {
        // Not in a @BeforeAll: the gateway listens only once Spring has prepared the first test instance.
        if (steeringGroup == null) {
            steeringGroup = new BrowserSession(BASE);
            steeringGroup.logIn("styregruppe.aarhus", "demo");
        }
    }

    @Test
    void csvHasOneRowPerDimensionAndOccasionOrComparisonUnroundedWithSuppressedCellsEmpty() throws Exception {
        OUTCOMES.answer("outcomes/report.json", "intervention", "ngo", "municipality", "type", "from", "to",
                "ageBand", "gender", "fidelity", "classification");
        HttpResponse<String> page = steeringGroup.get("/resultater?" + ALL_FILTERS);
        assertThat(page.body()).contains("Pålidelig forandring (reliable change index)", "Høj (4 og derover)");
        Matcher link = CSV_LINK.matcher(page.body());
        assertThat(link.find()).as("the page links to the CSV of its filters").isTrue();

        HttpResponse<byte[]> csv = steeringGroup.download(link.group(1).replace("&amp;", "&"));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type.toLowerCase())
                .startsWith("text/csv").contains("charset=utf-8"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"resultater-"
                + LocalDate.now(ZoneId.of("Europe/Copenhagen")) + ".csv\"");
        assertThat(Arrays.copyOf(csv.body(), 3)).as("UTF-8 byte order mark")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("dimension,dimensionName,higherIsBetter,block,occasion,from,to,n,mean,"
                + "meanFrom,meanTo,meanChange,effectSize,pValue,significance,improved,unchanged,worsened,suppressed,"
                + "followUpDue,followUpAnswered,followUpResponseRate,filterIntervention,filterNgo,filterMunicipality,"
                + "filterType,filterFrom,filterTo,filterAgeBand,filterGender,filterFidelity,classification");
        assertThat(lines).as("2 dimensions × (3 occasions + 3 comparisons), and the header").hasSize(13);

        Map<String, String> beforeAfter = row(lines, "RELATIONAL", "comparison", "BEFORE", "AFTER");
        assertThat(beforeAfter).containsEntry("dimensionName", "Relationel trivsel").containsEntry("n", "30")
                .containsEntry("meanChange", "0.1294871794871795")
                .containsEntry("pValue", "0.0000002812323139825437").containsEntry("significance", "***")
                .containsEntry("improved", "0.5128205128205128").containsEntry("suppressed", "false")
                .containsEntry("followUpDue", "");
        assertThat(row(lines, "RELATIONAL", "occasion", "BEFORE", "")).containsEntry("mean", "3.041477272727271")
                .containsEntry("meanFrom", "");

        Map<String, String> hiddenOccasion = row(lines, "SELF_PERCEPTION", "occasion", "FOLLOW_UP", "");
        assertThat(hiddenOccasion).containsEntry("n", "4").containsEntry("mean", "").containsEntry("suppressed", "true")
                .containsEntry("followUpDue", "20").containsEntry("followUpAnswered", "13")
                .containsEntry("followUpResponseRate", "0.65");
        Map<String, String> hiddenComparison = row(lines, "SELF_PERCEPTION", "comparison", "AFTER", "FOLLOW_UP");
        assertThat(hiddenComparison).containsEntry("suppressed", "true");
        for (String figure : List.of("meanFrom", "meanTo", "meanChange", "effectSize", "pValue", "improved",
                "unchanged", "worsened")) {
            assertThat(hiddenComparison).as(figure).containsEntry(figure, "");
        }
        assertThat(hiddenComparison).containsEntry("filterIntervention", "POWERKIDS").containsEntry("filterNgo", "URK_AAR")
                .containsEntry("filterMunicipality", "0751").containsEntry("filterType", "GROUP")
                .containsEntry("filterFrom", "2015-01-01").containsEntry("filterTo", "2015-12-31")
                .containsEntry("filterAgeBand", "10-12").containsEntry("filterGender", "GIRL")
                .containsEntry("filterFidelity", "HIGH").containsEntry("classification", "RELIABLE_CHANGE");

        assertThat(OUTCOMES.queries()).as("the page's and the CSV's call, each with every filter")
                .containsExactly(ALL_FILTERS, ALL_FILTERS);
    }

    @Test
    void emptyFiltersAreLeftOutOfTheServiceCall() throws Exception {
        OUTCOMES.answer("outcomes/report.json", "type");

        steeringGroup.get("/resultater?intervention=&ngo=&municipality=&type=GROUP&from=&to=&ageBand=&gender=");

        assertThat(OUTCOMES.queries()).containsExactly("type=GROUP");
    }

    @Test
    void pageShowsFiguresChartsAndASuppressedCellInDanish() throws Exception {
        OUTCOMES.answer("outcomes/report.json", "intervention", "from", "to");

        HttpResponse<String> page = steeringGroup.get("/resultater?intervention=POWERKIDS&from=2015-01-01&to=2015-12-31");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"da\"", "Anvendte filtre", "1. januar 2015 – 31. december 2015",
                // means with 2 decimals and shares with 1, with a decimal comma
                "3,04", "51,3 %", "&lt; 0,001", "***", "Stjerner viser",
                "<td class=\"suppressed\">Skjult – færre end 5 børn</td>",
                "<td colspan=\"7\" class=\"suppressed\">Skjult – færre end 5 børn</td>",
                // the follow-up response rate beside the follow-up figures, and fidelity
                "Svarprocent ved opfølgning: 65,0 % (13 af 20 børn, hvis opfølgning er forfalden)",
                "Fidelitet pr. indsats", "4,25", "Høj",
                "href=\"/resultater.csv?intervention=POWERKIDS&amp;from=2015-01-01&amp;to=2015-12-31\"",
                "Download CSV", "Udskriv", "<pattern id=\"pattern-worsened\"");
        assertThat(page.body()).as("the suppressed follow-up has no mean, in the chart's text alternative too")
                .contains("aria-label=\"Gennemsnit for Positiv selvopfattelse (skala 1–4): Før: 3,00 (32 børn); "
                        + "Efter: 3,23 (30 børn); Opfølgning: Skjult – færre end 5 børn (Svarprocent ved opfølgning: "
                        + "65,0 % (13 af 20 børn, hvis opfølgning er forfalden))\"")
                .contains("aria-label=\"Før – Efter, 30 børn: Bedre 51,3 %, Uændret 18,6 %, Dårligere 30,1 %\"");
        assertThat(occurrences(page.body(), "role=\"img\"")).as("a means chart per dimension and a bar per "
                + "comparison that is not suppressed").isEqualTo(2 + 4);
        assertThat(page.body()).as("options of the user's partnership only, named where the portal knows the name")
                .contains("<option value=\"POWERKIDS\" selected=\"selected\">POWERKIDS</option>",
                        "<option value=\"0751\">Aarhus Kommune</option>")
                .doesNotContain("value=\"STROEM\"", "value=\"0101\"");
        assertThat(OUTCOMES.queries()).containsExactly("intervention=POWERKIDS&from=2015-01-01&to=2015-12-31");
    }

    @Test
    void englishShowsDecimalPointsAndEnglishTexts() throws Exception {
        OUTCOMES.answer("outcomes/report.json");
        BrowserSession english = new BrowserSession(BASE);
        english.logIn("styregruppe.aarhus", "demo");

        HttpResponse<String> page = english.get("/resultater?lang=en");

        assertThat(page.body()).contains("lang=\"en\"", "3.04", "51.3%", "&lt; 0.001", "Hidden – fewer than 5 children",
                "Follow-up response rate: 65.0% (13 of 20 children whose follow-up is due)",
                "Fidelity per intervention", "High", "No filters", "the children&#39;s own",
                "Figures for fewer than 5 children are not shown");
    }

    @Test
    void withoutFollowUpOrFidelityFromTheServiceThePageSaysSoAndNamesFiltersNotApplied() throws Exception {
        // The measurement service as released today: no followUp or fidelity, and it applies no gender filter.
        OUTCOMES.answer("outcomes/report-without-follow-up.json", "intervention", "municipality", "from", "to");

        HttpResponse<String> page = steeringGroup.get("/resultater?intervention=POWERKIDS&gender=GIRL");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Skjult – færre end 5 børn", "Der er ingen svar om fidelitet for de valgte filtre.",
                "Tallene er ikke afgrænset efter Køn")
                .doesNotContain("Svarprocent ved opfølgning");
    }

    @Test
    void aFilterTheServiceRefusesIsShownAtTheFieldNotAsAnErrorPage() throws Exception {
        OUTCOMES.refuse("ngo");

        HttpResponse<String> page = steeringGroup.get("/resultater?ngo=NO_SUCH_NGO");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Der er et problem", "href=\"#ngo\"",
                "Organisation: Der kan ikke vises tal for denne værdi. Vælg en anden, eller vælg Alle.",
                "aria-describedby=\"ngo-hint ngo-error\" aria-invalid=\"true\"",
                "<option value=\"NO_SUCH_NGO\" selected=\"selected\">NO_SUCH_NGO</option>")
                .doesNotContain("Download CSV");

        HttpResponse<String> csv = steeringGroup.get("/resultater.csv?ngo=NO_SUCH_NGO");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.body()).contains("Filtrene kan ikke bruges");
    }

    @Test
    void aMistypedDateIsPointedOutWithoutAskingTheService() throws Exception {
        OUTCOMES.answer("outcomes/report.json");

        HttpResponse<String> page = steeringGroup.get("/resultater?from=2015-13-45&to=2015-12-31");

        assertThat(page.body()).contains("Der er et problem", "href=\"#from\"", "Skriv en dato som åååå-mm-dd",
                "value=\"2015-13-45\"");
        assertThat(OUTCOMES.queries()).isEmpty();
    }

    @Test
    void onlySteeringGroupsAndAdministratorsSeeTheDashboardAndItsCsv() throws Exception {
        OUTCOMES.answer("outcomes/report.json");
        BrowserSession teacher = new BrowserSession(BASE);
        teacher.logIn("laerer.aarhus", "demo");

        HttpResponse<String> page = teacher.get("/resultater");
        HttpResponse<String> csv = teacher.get("/resultater.csv");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Ingen adgang").doesNotContain("Relationel trivsel");
        assertThat(csv.statusCode()).isEqualTo(403);
        assertThat(csv.body()).contains("Ingen adgang").doesNotContain("RELATIONAL");
        assertThat(OUTCOMES.queries()).isEmpty();

        BrowserSession admin = new BrowserSession(BASE);
        admin.logIn("admin", "demo");
        assertThat(admin.get("/resultater").body()).contains("Relationel trivsel");
        assertThat(admin.get("/resultater.csv").statusCode()).isEqualTo(200);
    }

    /** The CSV row of one dimension's occasion or comparison, by column name. */
    private static Map<String, String> row(List<String> lines, String dimension, String block, String first,
            String second) {
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            String[] fields = line.split(",", -1);
            assertThat(fields).as(line).hasSize(header.size());
            for (int i = 0; i < fields.length; i++) {
                row.put(header.get(i), fields[i]);
            }
            boolean occasion = "occasion".equals(block) && first.equals(row.get("occasion"));
            boolean comparison = "comparison".equals(block) && first.equals(row.get("from")) && second.equals(row.get("to"));
            if (dimension.equals(row.get("dimension")) && block.equals(row.get("block")) && (occasion || comparison)) {
                return row;
            }
        }
        throw new AssertionError("No " + block + " row " + first + " " + second + " of " + dimension + " in " + lines);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
