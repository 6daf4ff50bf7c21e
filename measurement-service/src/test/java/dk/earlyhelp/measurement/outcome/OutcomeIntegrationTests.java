package dk.earlyhelp.measurement.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.TestCatalogue;
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


    @BeforeEach
    void noResponsesYet(@Autowired Catalogue catalogue) {
        TestCatalogue.published(catalogue);
        api = new Api(port);
        mongo.dropCollection("responses");
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
