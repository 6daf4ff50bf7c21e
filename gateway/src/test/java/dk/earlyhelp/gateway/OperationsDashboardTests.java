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
 * The operations dashboard and its CSV over real HTTP: the portal logged in as the demo steering
 * group, the measurement service's operations API played by {@link OutcomesService#operations()}
 * answering the shape of its {@code OperationsReport} (the NGO service is down, so interventions
 * carry their codes).
 */
class OperationsDashboardTests extends RunningGateway {

    static final String FILTERS = "intervention=POWERKIDS&municipality=0751&from=2026-01-01&to=2026-06-30";
    static final Pattern CSV_LINK = Pattern.compile("href=\"(/drift\\.csv[^\"]*)\"");

    /** Logged in once for the class: the login form's rate limit is per address, and all tests share one. */
    static BrowserSession steeringGroup;

    final OutcomesService.Endpoint operations = OUTCOMES.operations();

    @BeforeEach
    void logInOnce() throws Exception {
        // Not in a @BeforeAll: the gateway listens only once Spring has prepared the first test instance.
        if (steeringGroup == null) {
            steeringGroup = new BrowserSession(BASE);
            steeringGroup.logIn("styregruppe.aarhus", "demo");
        }
    }

    @Test
    void pageShowsEverySectionWithDanishLabelsAndNumbers() throws Exception {
        operations.answer("operations/report.json", "intervention", "municipality", "from", "to");

        HttpResponse<String> page = steeringGroup.get("/drift?" + FILTERS);

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("lang=\"da\"", "<h1>Drift og kapacitet</h1>", "aria-current=\"page\"",
                "1. januar 2026 – 30. juni 2026", "Aarhus Kommune", "12 henvisninger sendt i perioden");
        // The funnel: a chart whose text alternative carries every figure, and the same figures in a table.
        assertThat(body).contains("aria-label=\"Henvisninger pr. trin: Henvist 12; Besvaret af organisationen 10 "
                + "(83,3 % af trinnet før); Accepteret 6 (60,0 % af trinnet før); Startet i forløb 4 (66,7 % af trinnet "
                + "før); Afsluttet forløb 1 (25,0 % af trinnet før)\"");
        assertThat(row(body, "step-DECIDED")).contains("Besvaret af organisationen", "<td>10</td>", "<td>83,3 %</td>");
        assertThat(row(body, "step-SUBMITTED")).contains("<td>12</td>", "<td>–</td>");
        // Where the referrals are now: only statuses with referrals, in words.
        assertThat(section(body, "status")).contains("Venter på organisationens svar", "Afvist", "25,0 %", "I forløb")
                .doesNotContain("Stoppet før tid", "Trukket tilbage");
        assertThat(section(body, "durations")).contains("Svartid", "dage fra henvisning til NGO&#39;ens svar",
                "<td>10</td>", "<td>4,5</td>", "<td>12</td>", "Ventetid", "<td>14</td>", "<td>30</td>", "Medianen");
        assertThat(section(body, "declines")).contains("3 henvisninger blev afvist.", "Ingen ledig plads",
                "66,7 %", "Udelukket af sikkerhedshensyn", "Tilbud, organisationen foreslog i stedet",
                "Hvor de afviste børn blev henvist bagefter", "STROEM");
        // METRICS.md §5: the municipal roles, and the children the NGO registered itself.
        assertThat(section(body, "sources")).contains("Lærer", "66,7 %", "Kommunens fagsystem", "Anden fagperson",
                "Forældrenes egen henvendelse", "Organisationens opsøgende arbejde", "8,3 %")
                .doesNotContain("TEACHER", "CASE_SYSTEM", "PARENT_CONTACT", "NGO_OUTREACH");
        assertThat(row(body, "capacity-POWERKIDS")).contains("<td>24</td>", "<td>22</td>", "<td>2</td>", "<td>3</td>",
                "<td>91,7 %</td>", "<td>1. februar 2027</td>", "<td>21 dage</td>");
        assertThat(section(body, "volunteers")).contains("URK_AAR", "<td>12</td>", "<td>3</td>", "<td>11,5</td>",
                "<td>17,4 %</td>");
        assertThat(section(body, "background")).contains(
                "Modtager barnet en foranstaltning efter servicelovens § 52 (nu barnets lov)?", "<td>37,5 %</td>",
                "Har barnet psykiske eller følelsesmæssige vanskeligheder?", "<td>100,0 %</td>")
                .doesNotContain("BG_SECTION_52");
        assertThat(section(body, "completeness")).contains("Overskredet – koordinator", "Overskredet – frivillig",
                "<td>20</td>", "<td>16</td>", "<td>80,0 %</td>", "<td>1</td>", "<td>3</td>");
        assertThat(body).contains("href=\"/drift.csv?intervention=POWERKIDS&amp;municipality=0751&amp;"
                + "from=2026-01-01&amp;to=2026-06-30\"", "Download CSV", "Udskriv")
                .doesNotContain("Tallene er ikke afgrænset");
        assertThat(operations.queries()).containsExactly(FILTERS);
    }

    @Test
    void englishShowsDecimalPointsAndEnglishWords() throws Exception {
        operations.answer("operations/report.json");
        BrowserSession english = new BrowserSession(BASE);
        english.logIn("styregruppe.aarhus", "demo");

        String body = english.get("/drift?lang=en").body();

        assertThat(body).contains("lang=\"en\"", "<h1>Operations and capacity</h1>", "83.3%", "4.5",
                "days from referral to the NGO&#39;s answer", "No place available", "Teacher", "91.7%",
                "Parents&#39; own contact", "The NGO&#39;s outreach",
                "February 1, 2027", "21 days", "Does the child receive support at school or in after-school care?",
                "Overdue – coordinator", "12 referrals sent in the period");
    }

    @Test
    void emptyFiguresSayWhatIsMissingInsteadOfBlankTables() throws Exception {
        operations.answer("operations/report-empty.json", "from", "to");

        String body = steeringGroup.get("/drift?from=2026-01-01&to=2026-01-31").body();

        assertThat(body).contains("Ingen henvisninger sendt i perioden",
                "Ingen henvisninger passer til de valgte filtre.", "Ingen endnu",
                "Ingen afviste henvisninger i perioden.", "Der er ingen oplysninger om kapacitet endnu.",
                "Der er ingen oplysninger om frivillige endnu.", "Der er endnu ingen svar på baggrundsspørgsmålene.",
                "Ingen målinger er forfaldne endnu.")
                .doesNotContain("role=\"img\"", "Henvisninger pr. trin", "Status nu", "Andel ja pr. baggrundsspørgsmål");
        assertThat(steeringGroup.get("/drift").body()).as("without filters")
                .contains("Ingen henvisninger i perioden.");
    }

    @Test
    void aPeriodTheServiceRefusesIsShownAtTheFieldNotAsAnErrorPage() throws Exception {
        operations.refuse("from");

        HttpResponse<String> page = steeringGroup.get("/drift?from=2026-03-01&to=2026-03-31");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Der er et problem", "href=\"#from\"",
                "Fra og med: Perioden kan ikke bruges: slutdatoen skal være samme dag som eller efter startdatoen.",
                "aria-describedby=\"period-hint from-error\" aria-invalid=\"true\"", "value=\"2026-03-01\"")
                .doesNotContain("Download CSV");
        HttpResponse<String> csv = steeringGroup.get("/drift.csv?from=2026-03-01&to=2026-03-31");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.body()).contains("Filtrene kan ikke bruges");
    }

    @Test
    void aMistypedDateOrAPeriodEndingBeforeItStartsIsPointedOutWithoutAskingTheService() throws Exception {
        operations.answer("operations/report.json");

        String mistyped = steeringGroup.get("/drift?from=2026-02-30").body();
        String backwards = steeringGroup.get("/drift?from=2026-03-01&to=2026-02-01").body();

        assertThat(mistyped).contains("Der er et problem", "href=\"#from\"", "Skriv en dato som åååå-mm-dd",
                "value=\"2026-02-30\"");
        assertThat(backwards).contains("href=\"#to\"", "Slutdatoen skal være samme dag som eller efter startdatoen.");
        assertThat(operations.queries()).isEmpty();
    }

    @Test
    void aServiceInTroubleGivesThePortalsUsualMessage() throws Exception {
        operations.fail();

        HttpResponse<String> page = steeringGroup.get("/drift");
        HttpResponse<String> csv = steeringGroup.get("/drift.csv");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Oplysningerne kan ikke hentes lige nu").doesNotContain("Download CSV");
        assertThat(csv.statusCode()).isEqualTo(503);
        assertThat(csv.body()).contains("Oplysningerne kan ikke hentes lige nu");
    }

    @Test
    void csvHasOneRowPerFigureUnroundedWithTheFiltersOnEveryRow() throws Exception {
        operations.answer("operations/report.json", "intervention", "municipality", "from", "to");
        Matcher link = CSV_LINK.matcher(steeringGroup.get("/drift?" + FILTERS).body());
        assertThat(link.find()).as("the page links to the CSV of its filters").isTrue();

        HttpResponse<byte[]> csv = steeringGroup.download(link.group(1).replace("&amp;", "&"));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type.toLowerCase())
                .startsWith("text/csv").contains("charset=utf-8"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"drift-"
                + LocalDate.now(ZoneId.of("Europe/Copenhagen")) + ".csv\"");
        assertThat(Arrays.copyOf(csv.body(), 3)).as("UTF-8 byte order mark")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("section,code,name,measure,value,filterIntervention,filterMunicipality,"
                + "filterFrom,filterTo");
        List<Map<String, String>> rows = rows(lines);
        // 1 total, 5 steps × 2, 9 statuses, 2 × 3 durations, 1 + 2 + 1 + 1 declines, 5 sources, 7 capacity,
        // 5 volunteers, 5 questions × 3, 3 + 2 completeness figures.
        assertThat(rows).hasSize(1 + 10 + 9 + 6 + 5 + 5 + 7 + 5 + 15 + 5);
        assertThat(value(rows, "funnel", "DECIDED", "conversion")).isEqualTo("0.8333333333333334");
        assertThat(value(rows, "funnel", "SUBMITTED", "conversion")).isEmpty();
        assertThat(value(rows, "byStatus", "DROPPED_OUT", "count")).isEqualTo("0");
        assertThat(value(rows, "responseDays", "", "median")).isEqualTo("4.5");
        assertThat(value(rows, "waitingDays", "", "p90")).isEqualTo("30");
        assertThat(value(rows, "declineReasons", "NO_CAPACITY", "count")).isEqualTo("2");
        assertThat(value(rows, "bridgedTo", "STROEM", "count")).isEqualTo("1");
        assertThat(value(rows, "sources", "TEACHER", "count")).isEqualTo("8");
        assertThat(value(rows, "capacity", "POWERKIDS", "utilisation")).isEqualTo("0.9166666666666666");
        assertThat(value(rows, "capacity", "POWERKIDS", "expectedStart")).isEqualTo("2027-02-01");
        assertThat(value(rows, "volunteers", "URK_AAR", "turnover")).isEqualTo("0.17391304347826086");
        assertThat(value(rows, "background", "BG_FAMILY", "share")).isEmpty();
        assertThat(value(rows, "completeness", "POWERKIDS", "overdueByRole.VOLUNTEER")).isEqualTo("3");
        Map<String, String> question = find(rows, "background", "BG_SECTION_52", "share");
        assertThat(question).containsEntry("name",
                "Modtager barnet en foranstaltning efter servicelovens § 52 (nu barnets lov)?")
                .containsEntry("value", "0.375");
        assertThat(find(rows, "sources", "TEACHER", "count")).containsEntry("name", "Lærer");
        assertThat(find(rows, "sources", "PARENT_CONTACT", "count")).containsEntry("name",
                "Forældrenes egen henvendelse").containsEntry("value", "1");
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("filterIntervention", "POWERKIDS")
                .containsEntry("filterMunicipality", "0751").containsEntry("filterFrom", "2026-01-01")
                .containsEntry("filterTo", "2026-06-30"));
        assertThat(operations.queries()).as("the page's and the CSV's call, each with every filter")
                .containsExactly(FILTERS, FILTERS);
    }

    @Test
    void steeringGroupsCoordinatorsAndAdministratorsSeeTheDashboardMunicipalStaffDoNot() throws Exception {
        operations.answer("operations/report.json");
        BrowserSession teacher = new BrowserSession(BASE);
        teacher.logIn("laerer.aarhus", "demo");

        HttpResponse<String> page = teacher.get("/drift");
        HttpResponse<String> csv = teacher.get("/drift.csv");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Ingen adgang").doesNotContain("Svartid", "href=\"/drift\"");
        assertThat(csv.statusCode()).isEqualTo(403);
        assertThat(csv.body()).contains("Ingen adgang").doesNotContain("funnel");
        assertThat(operations.queries()).isEmpty();

        BrowserSession coordinator = new BrowserSession(BASE);
        coordinator.logIn("koordinator.powerkids", "demo");
        String home = coordinator.get("/").body();
        assertThat(home).contains("href=\"/drift\"", "Drift og kapacitet");
        assertThat(coordinator.get("/drift").body()).contains("Svartid", "12 henvisninger sendt i perioden");
        assertThat(coordinator.get("/drift.csv").statusCode()).isEqualTo(200);
        assertThat(steeringGroup.get("/").body()).contains("href=\"/drift\"");
    }

    /** The HTML of the element with this id, up to its end tag (sections and rows here do not nest their own kind). */
    private static String section(String body, String id) {
        int start = body.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element " + id).isNotNegative();
        return body.substring(start, body.indexOf("</section>", start));
    }

    private static String row(String body, String id) {
        int start = body.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row " + id).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    private static List<Map<String, String>> rows(List<String> lines) {
        List<String> header = List.of(lines.get(0).split(","));
        return lines.subList(1, lines.size()).stream().map(line -> {
            List<String> fields = fields(line);
            assertThat(fields).as(line).hasSize(header.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            return row;
        }).toList();
    }

    /** RFC 4180 fields: the background questions are quoted where they hold a comma. */
    private static List<String> fields(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static Map<String, String> find(List<Map<String, String>> rows, String section, String code,
            String measure) {
        return rows.stream().filter(row -> section.equals(row.get("section")) && code.equals(row.get("code"))
                && measure.equals(row.get("measure"))).findFirst()
                .orElseThrow(() -> new AssertionError("No " + section + " " + code + " " + measure + " in " + rows));
    }

    private static String value(List<Map<String, String>> rows, String section, String code, String measure) {
        return find(rows, section, code, measure).get("value");
    }
}
