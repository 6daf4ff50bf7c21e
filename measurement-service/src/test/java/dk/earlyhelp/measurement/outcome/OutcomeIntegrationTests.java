package dk.earlyhelp.measurement.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.TestCatalogue;
import dk.earlyhelp.measurement.fidelity.FidelityManagement;
import dk.earlyhelp.measurement.response.Occasion;
import dk.earlyhelp.measurement.response.Response;
import dk.earlyhelp.measurement.response.ResponseManagement;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.TestTokens;

/** The shared fixture, imported through the API, gives exactly the expected figures of METRICS.md. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutcomeIntegrationTests {

    static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures");
    static final List<String> ALL = List.of("CYKELHJELM-0751", "CYKELHJELM-0779", "CYKELHJELM-0791",
            "CYKELHJELM-0657", "KLUB_MOVE-0615", "MENTORNETVAERKET-0561", "POWERKIDS-0751", "EMPOWR-0240",
            "SAMTALEGRUPPER-0175", "STROEM-0101", "NEFOS_SUICIDE-0461", "NEFOS_SUICIDE-0410");
    static final String IMPORT = TestTokens.issue("demo-import", Map.of("roles", List.of("MEASUREMENT_IMPORT"),
            "org_type", "PLATFORM", "org", "PLATFORM", "partnerships", ALL));
    static final String STEERING = TestTokens.issue("demo-steering", Map.of("roles", List.of("STEERING_GROUP"),
            "org_type", "PLATFORM", "org", "PLATFORM", "partnerships", ALL));
    static final String ADMIN = TestTokens.issue("admin", Map.of("roles", List.of("ADMIN"), "org_type", "PLATFORM",
            "org", "PLATFORM"));

    @LocalServerPort
    int port;

    Api api;

    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutcomeProjection projection;
    @Autowired
    ResponseManagement responses;


    @BeforeEach
    void noResponsesYet(@Autowired Catalogue catalogue) {
        TestCatalogue.published(catalogue);
        api = new Api(port);
        mongo.dropCollection("responses");
        projection.rebuild();
    }

    @Test
    void thePublicFixtureGivesExactlyTheExpectedFigures() throws Exception {
        String ndjson = Files.readString(FIXTURES.resolve("outcomes-public.ndjson"));
        HttpResponse<String> imported = importLines(IMPORT, ndjson);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Contracts.parse(imported.body()).get("imported").asInt())
                .isEqualTo(ndjson.lines().filter(line -> !line.isBlank()).count());
        HttpResponse<String> again = importLines(IMPORT, ndjson);
        assertThat(Contracts.parse(again.body()).get("imported").asInt()).as("the same file twice adds nothing")
                .isZero();

        JsonNode actual = Contracts.parse(api.get("/api/outcomes", STEERING).body());
        JsonNode expected = Contracts.parse(Files.readString(FIXTURES.resolve("outcomes-public.expected.json")));

        assertSameFigures("", expected, actual);
    }

    @Test
    void aFileWithABadLineIsRefusedWholeNamingTheLineAndField() throws Exception {
        String lines = """
                {"enrolmentRef": "E-1", "childRef": "C-1", "intervention": "POWERKIDS", "municipality": "0751", "occasion": "BEFORE", "answeredAt": "2026-01-10", "answers": {"REL_1": 3}}
                {"enrolmentRef": "E-2", "childRef": "C-2", "intervention": "POWERKIDS", "municipality": "0751", "occasion": "BEFORE", "answeredAt": "2026-01-10", "answers": {"REL_1": 5, "NOPE_1": 2}}
                {"enrolmentRef": "E-3", "childRef": "C-3", "intervention": "POWERKIDS", "municipality": "0999", "occasion": "SOMETIME", "answeredAt": "2026-01-10", "answers": {}}
                """;

        HttpResponse<String> refused = importLines(IMPORT, lines);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"line\":\"2\"", "answers.REL_1", "answers.NOPE_1", "\"line\":\"3\"",
                "occasion", "intervention");
        assertThat(mongo.getCollection("responses").countDocuments()).isZero();
        assertThat(importLines(STEERING, lines).statusCode()).as("only import clients import").isEqualTo(403);
    }

    @Test
    void smallCellsAreSuppressedForAggregatesOnlyAndTheLatestCorrectionCounts() throws Exception {
        String lines = """
                {"enrolmentRef": "E-1", "childRef": "C-1", "intervention": "POWERKIDS", "municipality": "0751", "occasion": "BEFORE", "answeredAt": "2026-01-10", "answers": {"REL_1": 1, "REL_2": 1, "REL_3": 1, "REL_4": null, "REL_5": null}}
                {"enrolmentRef": "E-1", "childRef": "C-1", "intervention": "POWERKIDS", "municipality": "0751", "occasion": "BEFORE", "answeredAt": "2026-01-10", "answers": {"REL_1": 2, "REL_2": 2, "REL_3": 2}}
                {"enrolmentRef": "E-1", "childRef": "C-1", "intervention": "POWERKIDS", "municipality": "0751", "occasion": "AFTER", "answeredAt": "2026-03-10", "answers": {"REL_1": 4, "REL_2": 3, "REL_3": 4, "REL_4": 4}}
                {"enrolmentRef": "E-2", "childRef": "C-2", "intervention": "POWERKIDS", "municipality": "0751", "occasion": "BEFORE", "answeredAt": "2026-01-11", "answers": {"REL_1": 2, "REL_2": 2}}
                """;
        assertThat(importLines(IMPORT, lines).statusCode()).isEqualTo(200);

        JsonNode steering = relational(api.get("/api/outcomes?intervention=POWERKIDS", STEERING).body());
        JsonNode admin = relational(api.get("/api/outcomes?intervention=POWERKIDS", ADMIN).body());

        assertThat(steering.at("/occasions/BEFORE/suppressed").asBoolean()).isTrue();
        assertThat(steering.at("/occasions/BEFORE").has("mean")).isFalse();
        assertThat(admin.at("/occasions/BEFORE/n").asInt()).as("E-2 answered too few items").isEqualTo(1);
        assertThat(admin.at("/occasions/BEFORE/mean").asDouble()).as("the later of two same-day answers counts")
                .isEqualTo(2.0);
        assertThat(admin.at("/comparisons/0/meanChange").asDouble()).isCloseTo(3.75 - 2.0, within(1e-12));
        assertThat(admin.at("/comparisons/0/pValue").isNull()).as("n < 2").isTrue();
    }

    @Test
    void filtersByNgoTypeAgeBandGenderAndPeriodFollowTheCatalogueAndTheEnrolment() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            lines.append(line("POWERKIDS", "0751", "P-" + i, "BEFORE", "2026-01-10", 2))
                    .append(line("POWERKIDS", "0751", "P-" + i, "AFTER", "2026-03-10", 3));
        }
        lines.append(line("CYKELHJELM", "0751", "C-1", "BEFORE", "2025-01-10", 1))
                .append(line("STROEM", "0101", "S-1", "BEFORE", "2026-02-01", 4));
        assertThat(importLines(IMPORT, lines.toString()).statusCode()).isEqualTo(200);
        // Answered in this system: the enrolment says the child's age band and gender.
        responses.store(new Response(UUID.randomUUID().toString(), "POWERKIDS-0751", "R-1", "child-1", "POWERKIDS",
                "0751", Occasion.BEFORE, LocalDate.parse("2026-02-01"), 0, relationalAnswers(4), null, "10-12", "GIRL"));

        assertThat(beforeN("ngo=URK_AAR")).as("Powerkids is Ungdommens Røde Kors Aarhus'").isEqualTo(4);
        assertThat(beforeN("type=FAMILY")).as("only Cykelhjelm gives family counselling").isEqualTo(1);
        assertThat(beforeN("type=GROUP")).as("all three give groups").isEqualTo(6);
        assertThat(beforeN("type=INDIVIDUAL")).isEqualTo(2);
        assertThat(beforeN("ageBand=10-12")).as("imported history has no age band").isEqualTo(1);
        assertThat(beforeN("gender=GIRL&intervention=POWERKIDS")).isEqualTo(1);
        assertThat(beforeN("gender=BOY")).isZero();
        assertThat(beforeN("from=2026-01-01&to=2026-01-31")).as("by the day answered").isEqualTo(3);
        assertThat(beforeN("municipality=0101")).isEqualTo(1);

        HttpResponse<String> refused = api.get("/api/outcomes?ageBand=7-8", ADMIN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("ageBand");
        assertThat(api.get("/api/outcomes?type=SOLO", ADMIN).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/outcomes?from=2026-13-01", ADMIN).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/outcomes?from=2026-02-01&to=2026-01-01", ADMIN).statusCode()).isEqualTo(400);
    }

    @Test
    void theFollowUpResponseRateCountsEnrolmentsEndedMoreThanSixMonthsAgo() throws Exception {
        LocalDate today = LocalDate.now();
        String longAgo = today.minusMonths(8).toString();
        String lastMonth = today.minusMonths(1).toString();
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            lines.append(line("POWERKIDS", "0751", "F-" + i, "AFTER", longAgo, 3));
        }
        lines.append(line("POWERKIDS", "0751", "F-1", "FOLLOW_UP", lastMonth, 3))
                .append(line("POWERKIDS", "0751", "F-2", "FOLLOW_UP", lastMonth, 3))
                .append(line("POWERKIDS", "0751", "N-1", "AFTER", today.minusMonths(2).toString(), 3));
        assertThat(importLines(IMPORT, lines.toString()).statusCode()).isEqualTo(200);

        JsonNode followUp = Contracts.parse(api.get("/api/outcomes", ADMIN).body()).get("followUp");
        assertThat(followUp.get("due").asInt()).as("N-1 ended two months ago").isEqualTo(6);
        assertThat(followUp.get("answered").asInt()).isEqualTo(2);
        assertThat(followUp.get("responseRate").asDouble()).isCloseTo(2.0 / 6, within(1e-12));
        JsonNode steering = Contracts.parse(api.get("/api/outcomes?intervention=STROEM", STEERING).body())
                .get("followUp");
        assertThat(steering.get("suppressed").asBoolean()).as("none due is a small cell").isTrue();
        assertThat(steering.get("responseRate").isNull()).isTrue();
    }

    @Test
    void theReliableChangeIndexCountsOnlyChangesBeyondTheMeasurementError() throws Exception {
        // BEFORE 1, 2, 2, 1, 2, 1 (SD 0.548): with reliability 0.8 a change must exceed
        // 1.96 * sqrt(2) * 0.548 * sqrt(0.2) = 0.679 to count; three children moved 1/3, three moved 2.
        int[][] beforeAndAfter = { { 1, 1, 1, 1, 1, 2 }, { 2, 2, 2, 2, 2, 3 }, { 2, 2, 2, 4, 4, 4 },
                { 1, 1, 1, 3, 3, 3 }, { 2, 2, 2, 2, 2, 3 }, { 1, 1, 1, 3, 3, 3 } };
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < beforeAndAfter.length; i++) {
            int[] a = beforeAndAfter[i];
            lines.append(line("POWERKIDS", "0751", "R-" + i, "BEFORE", "2026-01-10", a[0], a[1], a[2]))
                    .append(line("POWERKIDS", "0751", "R-" + i, "AFTER", "2026-04-10", a[3], a[4], a[5]));
        }
        assertThat(importLines(IMPORT, lines.toString()).statusCode()).isEqualTo(200);

        JsonNode difference = relational(api.get("/api/outcomes", ADMIN).body()).at("/comparisons/0");
        JsonNode reliable = relational(api.get("/api/outcomes?classification=RELIABLE_CHANGE", ADMIN).body())
                .at("/comparisons/0");

        assertThat(difference.get("improved").asDouble()).isEqualTo(1.0);
        assertThat(difference.get("criticalDifference").isNull()).isTrue();
        assertThat(reliable.get("criticalDifference").asDouble())
                .isCloseTo(1.96 * Math.sqrt(2) * Math.sqrt(0.3) * Math.sqrt(0.2), within(1e-12));
        assertThat(reliable.get("improved").asDouble()).isEqualTo(0.5);
        assertThat(reliable.get("unchanged").asDouble()).isEqualTo(0.5);
        assertThat(reliable.get("meanChange").asDouble()).as("the means do not change")
                .isEqualTo(difference.get("meanChange").asDouble());
        assertThat(api.get("/api/outcomes?classification=SOMETIMES", ADMIN).statusCode()).isEqualTo(400);
    }

    @Test
    void fidelityPerInterventionStandsBesideTheFiguresAndSplitsThemByLevel(@Autowired FidelityManagement fidelity)
            throws Exception {
        // 2019: no other test answers then.
        fidelity.record(UUID.randomUUID().toString(), "R-F1", "POWERKIDS", "0751", LocalDate.parse("2019-03-01"),
                Map.of("FID_1", 5, "FID_2", 4, "FID_3", 5, "FID_4", 4));
        fidelity.record(UUID.randomUUID().toString(), "R-F2", "CYKELHJELM", "0751", LocalDate.parse("2019-03-01"),
                Map.of("FID_1", 2, "FID_2", 2));
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 2; i++) {
            lines.append(line("POWERKIDS", "0751", "FP-" + i, "BEFORE", "2019-02-01", 2))
                    .append(line("CYKELHJELM", "0751", "FC-" + i, "BEFORE", "2019-02-01", 2));
        }
        lines.append(line("CYKELHJELM", "0751", "FC-3", "BEFORE", "2019-02-01", 2));
        assertThat(importLines(IMPORT, lines.toString()).statusCode()).isEqualTo(200);
        String period = "from=2019-01-01&to=2019-12-31";

        JsonNode report = Contracts.parse(api.get("/api/outcomes?" + period, ADMIN).body());
        Map<String, JsonNode> byIntervention = new java.util.HashMap<>();
        report.get("fidelity").forEach(row -> byIntervention.put(row.get("intervention").asText(), row));

        assertThat(byIntervention.get("POWERKIDS").get("mean").asDouble()).isEqualTo(4.5);
        assertThat(byIntervention.get("POWERKIDS").get("n").asInt()).isEqualTo(4);
        assertThat(byIntervention.get("POWERKIDS").get("level").asText()).isEqualTo("HIGH");
        assertThat(byIntervention.get("CYKELHJELM").get("level").asText()).isEqualTo("LOW");
        assertThat(beforeN(period + "&fidelity=HIGH")).as("Powerkids' two").isEqualTo(2);
        assertThat(beforeN(period + "&fidelity=LOW")).as("Cykelhjelm's three").isEqualTo(3);
        assertThat(beforeN(period + "&fidelity=PARTIAL")).isZero();
        assertThat(api.get("/api/outcomes?fidelity=GOOD", ADMIN).statusCode()).isEqualTo(400);
    }

    private int beforeN(String query) throws Exception {
        HttpResponse<String> report = api.get("/api/outcomes?" + query, ADMIN);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        for (JsonNode dimension : Contracts.parse(report.body()).get("dimensions")) {
            if (dimension.get("dimension").asText().equals("RELATIONAL")) {
                return dimension.at("/occasions/BEFORE/n").asInt();
            }
        }
        return 0;
    }

    /** An import line answering three of the five relational items alike. */
    private static String line(String intervention, String municipality, String enrolment, String occasion,
            String answeredAt, int answer) {
        return line(intervention, municipality, enrolment, occasion, answeredAt, answer, answer, answer);
    }

    /** An import line answering three of the five relational items. */
    private static String line(String intervention, String municipality, String enrolment, String occasion,
            String answeredAt, int first, int second, int third) {
        return ("{\"enrolmentRef\": \"%s\", \"childRef\": \"C-%s\", \"intervention\": \"%s\", \"municipality\": \"%s\", "
                + "\"occasion\": \"%s\", \"answeredAt\": \"%s\", \"answers\": "
                + "{\"REL_1\": %d, \"REL_2\": %d, \"REL_3\": %d}}\n").formatted(enrolment, enrolment, intervention,
                municipality, occasion, answeredAt, first, second, third);
    }

    private static Map<String, Integer> relationalAnswers(int answer) {
        return Map.of("REL_1", answer, "REL_2", answer, "REL_3", answer);
    }

    private static JsonNode relational(String body) {
        for (JsonNode dimension : Contracts.parse(body).get("dimensions")) {
            if (dimension.get("dimension").asText().equals("RELATIONAL")) {
                return dimension;
            }
        }
        throw new AssertionError("No RELATIONAL figures in " + body);
    }

    /** Same structure, same strings and integers, floating-point numbers equal to 1e-9 relative. */
    private static void assertSameFigures(String path, JsonNode expected, JsonNode actual) {
        assertThat(actual).as("%s is missing", path).isNotNull();
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            fields.forEachRemaining(field -> assertSameFigures(path + "/" + field.getKey(), field.getValue(),
                    actual.get(field.getKey())));
        } else if (expected.isArray()) {
            assertThat(actual.size()).as("%s size", path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSameFigures(path + "/" + i, expected.get(i), actual.get(i));
            }
        } else if (expected.isFloatingPointNumber()) {
            assertThat(actual.asDouble()).as(path)
                    .isCloseTo(expected.asDouble(), within(Math.max(1e-12, Math.abs(expected.asDouble()) * 1e-9)));
        } else {
            assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
        }
    }

    private HttpResponse<String> importLines(String token, String ndjson) throws Exception {
        return api.post("/api/measurements/imports", token, ndjson, "application/x-ndjson");
    }

}
