package dk.earlyhelp.local.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.local.LocalSettings;
import dk.earlyhelp.local.system.RunningSystem;

/**
 * Attack tests 2, 3, 4 and 7 on the running system through the gateway: what an NGO reads per
 * consent scope, mass assignment, function-level access, and injection and abuse. Every refusal
 * is a problem detail and changes nothing.
 */
@Order(3)
class AbuseIT {

    private static LocalSettings system;
    private static Http gateway;
    private static Callers callers;

    @BeforeAll
    static void systemIsRunning() {
        system = RunningSystem.get();
        gateway = new Http(system.portalUrl());
        callers = new Callers(system.portalUrl());
    }

    // ---- 2. Field level -------------------------------------------------------------------------

    /** What the NGO may read of a referral without any category, and what each category adds (the oracle). */
    private static final Set<String> ALWAYS = Set.of("id", "status", "interventionCode", "municipalityCode",
            "referrerRole", "childAge", "childGender", "urgency", "sharedAt", "overriddenCriteria", "withheld",
            "withheldBecause");
    private static final Map<String, Set<String>> BY_CATEGORY = Map.of(
            "CONCERNS", Set.of("concerns", "overrideReason"),
            "CHILD_VIEW", Set.of("childView"),
            "SCHOOL", Set.of("school", "schoolSupport"),
            "FAMILY_SITUATION", Set.of("specialSupportMeasure"),
            "CONTACT", Set.of("childFirstName", "custodyHolders"));

    static Stream<Arguments> consentScopes() {
        return Stream.of(Arguments.of(List.of("CONCERNS")), Arguments.of(List.of("CONCERNS", "CHILD_VIEW")),
                Arguments.of(List.of("CONCERNS", "SCHOOL", "FAMILY_SITUATION")),
                Arguments.of(List.of("CONCERNS", "CHILD_VIEW", "SCHOOL", "FAMILY_SITUATION", "CONTACT")));
    }

    @ParameterizedTest(name = "consent to {0}")
    @MethodSource("consentScopes")
    void theNgoReadsOnlyTheFieldsOfTheCategoriesTheConsentNames(List<String> categories) {
        String teacher = callers.token(Principal.TEACHER_AARHUS);
        String coordinator = callers.token(Principal.POWERKIDS_COORDINATOR);
        JsonNode referral = gateway.json(gateway.postJson("/api/referrals", teacher, """
                {"child": {"firstName": "Vera", "lastName": "Felt", "birthDate": "2015-02-02", "gender": "GIRL",
                           "school": "Ellehøjskolen", "postcode": "8210"},
                 "custodyHolders": [{"name": "Mads Felt", "relation": "FATHER", "phone": "+45 41424344"}],
                 "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"], "confirmDuplicate": true,
                 "currentSupport": {"specialSupportMeasure": false, "schoolSupport": true},
                 "childView": {"whatIsHard": "Jeg savner far", "wishes": "At tale med nogen"}}"""), 201);
        String id = referral.get("id").asText();
        String consent = gateway.json(gateway.postJson("/api/consents", teacher, """
                {"childId": "%s", "referralId": "%s", "grantees": ["URK_AAR"], "interventionCode": "POWERKIDS",
                 "purposes": ["REFERRAL_AND_DELIVERY"], "categories": %s, "validFrom": "%s", "validUntil": "%s",
                 "custodyHoldersRequired": 1, "textVersion": "EH-SAMTYKKE-2026-11"}"""
                .formatted(referral.at("/child/id").asText(), id, Http.JSON.valueToTree(categories), LocalDate.now(),
                        LocalDate.now().plusMonths(3))), 201).get("id").asText();
        gateway.json(gateway.postJson("/api/consents/" + consent + "/grantors", teacher,
                "{\"role\": \"CUSTODY_HOLDER\", \"method\": \"SIGNED_PAPER\"}"), 200);

        Set<String> allowed = new HashSet<>(ALWAYS);
        categories.forEach(category -> allowed.addAll(BY_CATEGORY.get(category)));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> gateway.get("/api/referrals/" + id + "/for-ngo", coordinator).status() == 200);
        JsonNode read = gateway.json(gateway.get("/api/referrals/" + id + "/for-ngo", coordinator), 200);
        assertThat(keys(read)).as("what the NGO reads under " + categories).isSubsetOf(allowed)
                .contains("concerns");
        // The read is audited with the consent version that allowed it: the draft was 1, the parent's consent 2.
        assertThat(AuditRecords.consentsNamedFor(system.mongoPort(), "referrals", id)).contains(consent + "@v2");
        for (JsonNode item : gateway.json(gateway.get("/api/ngo/inbox", coordinator), 200)) {
            assertThat(keys(item)).as("the NGO's own inbox holds no contact details")
                    .doesNotContain("childFirstName", "custodyHolders", "firstName", "lastName", "cpr");
        }

        gateway.json(gateway.postJson("/api/consents/" + consent + "/withdraw", teacher, ""), 200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(keys(
                gateway.json(gateway.get("/api/referrals/" + id + "/for-ngo", coordinator), 200)))
                .as("after the withdrawal").isSubsetOf(ALWAYS));
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new HashSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    // ---- 3. Mass assignment ---------------------------------------------------------------------

    /**
     * Every JSON body of every operation, with a field the caller must never set added at its top
     * level: 400 naming the field, before any use case runs (request types refuse unknown fields).
     * Sent to each service itself, where the protection is (the gateway passes bodies on as they are).
     */
    @Test
    void fieldsTheCallerMayNotSetAreRefusedInEveryBody() {
        String teacher = callers.token(Principal.TEACHER_AARHUS);
        String coordinator = callers.token(Principal.POWERKIDS_COORDINATOR);
        long referralsBefore = total(teacher);
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (ApiDescription.Operation operation : new ApiDescription(gateway).operations()) {
            Map.Entry<String, JsonNode> body = operation.body();
            if (body == null || !body.getKey().contains("json")
                    || !"object".equals(body.getValue().path("type").asText("object"))) {
                continue;
            }
            String token = operation.path().startsWith("/api/ngo") ? coordinator : teacher;
            String path = operation.path().replaceAll("\\{[^}]+}", "mass-assignment");
            for (String field : List.of("municipalityCode", "ngo", "status", "createdBy")) {
                if (body.getValue().path("properties").has(field)) {
                    continue; // a field the operation documents is the caller's to set
                }
                ObjectNode attack = (ObjectNode) operation.example(body.getValue());
                attack.put(field, "0101");
                Http.Answer answer = operation.service(system).send(operation.method(), path, token, body.getKey(),
                        attack.toString());
                sent++;
                if (answer.status() != 400 || !answer.isProblem() || !answer.body().contains("\"" + field + "\"")) {
                    wrong.add(operation.key() + " with " + field + ": " + answer);
                }
            }
        }
        System.out.printf("Mass assignment: %d requests%n", sent);
        assertThat(sent).isGreaterThan(40);
        assertThat(wrong).isEmpty();
        assertThat(total(teacher)).as("no referral was made").isEqualTo(referralsBefore);
    }

    private static long total(String token) {
        return gateway.json(gateway.get("/api/referrals?size=1", token), 200).path("totalElements").asLong();
    }

    // ---- 4. Function level ----------------------------------------------------------------------

    static Stream<Arguments> functionsOfOtherRoles() {
        return Stream.of(
                // Volunteers on coordinators' and administrators' functions.
                Arguments.of(Principal.UNASSIGNED_VOLUNTEER, "GET", "/api/ngo/inbox"),
                Arguments.of(Principal.ASSIGNED_VOLUNTEER, "GET", "/api/ngo/capacity"),
                Arguments.of(Principal.ASSIGNED_VOLUNTEER, "GET", "/api/ngo/volunteers"),
                Arguments.of(Principal.ASSIGNED_VOLUNTEER, "GET", "/api/ngo/waiting-list?intervention=STROEM"),
                Arguments.of(Principal.ASSIGNED_VOLUNTEER, "GET", "/api/ngo/alerts"),
                Arguments.of(Principal.UNASSIGNED_VOLUNTEER, "GET", "/api/ngo/groups"),
                Arguments.of(Principal.UNASSIGNED_VOLUNTEER, "GET", "/api/measurements/checklists"),
                Arguments.of(Principal.UNASSIGNED_VOLUNTEER, "GET", "/api/measurements/concern-tasks"),
                Arguments.of(Principal.ASSIGNED_VOLUNTEER, "GET", "/api/consents/erasures"),
                Arguments.of(Principal.ASSIGNED_VOLUNTEER, "GET", "/api/consents/settings"),
                Arguments.of(Principal.ASSIGNED_VOLUNTEER, "GET", "/api/referrals/dead-letters"),
                Arguments.of(Principal.POWERKIDS_COORDINATOR, "GET", "/api/ngo/dead-letters"),
                Arguments.of(Principal.POWERKIDS_COORDINATOR, "GET", "/api/consents/erasures"),
                // Steering-group members on functions that list children one by one.
                Arguments.of(Principal.STEERING_MEMBER, "GET", "/api/referrals"),
                Arguments.of(Principal.STEERING_MEMBER, "GET", "/api/referrals/following"),
                Arguments.of(Principal.STEERING_MEMBER, "GET", "/api/ngo/inbox"),
                Arguments.of(Principal.STEERING_MEMBER, "GET", "/api/ngo/my-children"),
                Arguments.of(Principal.STEERING_MEMBER, "GET", "/api/measurements/checklists"),
                Arguments.of(Principal.STEERING_MEMBER, "GET", "/api/consents?childId=child-1"),
                Arguments.of(Principal.STEERING_MEMBER, "GET", "/api/referrals/concern-notifications"),
                // Only administrators search the audit trail.
                Arguments.of(Principal.POWERKIDS_COORDINATOR, "GET", "/api/ngo/audit"),
                Arguments.of(Principal.STEERING_MEMBER, "GET", "/api/measurements/audit"),
                Arguments.of(Principal.TEACHER_AARHUS, "GET", "/api/referrals/audit"));
    }

    @Test
    void theAdministratorFindsARefusalInTheServicesAuditSearch() throws Exception {
        Instant before = Instant.now();
        assertThat(gateway.get("/api/ngo/inbox", callers.token(Principal.STEERING_MEMBER)).status()).isEqualTo(403);
        String admin = dk.earlyhelp.local.system.UserTokens.accessToken(system.portalUrl(), "admin");

        JsonNode found = gateway.json(gateway.get("/api/ngo/audit?actor=" + Principal.STEERING_MEMBER.subject
                + "&decision=DENY&from=" + before.minusSeconds(1), admin), 200);

        assertThat(found).anySatisfy(entry -> {
            assertThat(entry.get("resourceId").asText()).isEqualTo("GET /api/ngo/inbox");
            assertThat(entry.get("service").asText()).isEqualTo("ngo-service");
        });
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("functionsOfOtherRoles")
    void aFunctionOfAnotherRoleAnswers403AndIsAudited(Principal principal, String method, String path) {
        Instant before = Instant.now();

        Http.Answer answer = gateway.send(method, path, callers.token(principal), null, null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.isProblem()).isTrue();
        String endpoint = method + " " + path.split("\\?")[0];
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                AuditRecords.denialsSince(system.mongoPort(), before.minusSeconds(1)))
                .as("the refusal is in the audit trail").anyMatch(denial -> principal.subject.equals(denial.actor())
                        && (endpoint.equals(denial.resourceId()) || denial.resourceId() == null)));
    }

    // ---- 9. Steering anonymity ------------------------------------------------------------------

    /**
     * Steering groups see aggregates only: whatever filters narrow the outcome figures to, a block
     * of one to four children is suppressed, without means, shares or p-values (METRICS.md §2).
     */
    @Test
    void filtersThatNarrowOutcomesToAFewChildrenGetThemSuppressed() throws Exception {
        List<String> tokens = List.of(callers.token(Principal.STEERING_MEMBER),
                dk.earlyhelp.local.system.UserTokens.clientToken(system.portalUrl(), "demo-steering",
                        "demo-steering-secret"));
        List<String> filters = new ArrayList<>(List.of("", "intervention=POWERKIDS", "classification=RELIABLE_CHANGE"));
        for (String band : List.of("0-5", "6-9", "10-12", "13-15", "16-18")) {
            filters.add("ageBand=" + band);
            filters.add("ageBand=" + band + "&gender=GIRL");
        }
        for (String gender : List.of("GIRL", "BOY", "OTHER")) {
            filters.add("gender=" + gender);
        }
        for (int year = 2019; year <= LocalDate.now().getYear(); year++) {
            filters.add("from=" + year + "-01-01&to=" + year + "-01-31");
            filters.add("intervention=POWERKIDS&from=" + year + "-03-01&to=" + year + "-03-31");
        }
        int blocks = 0;
        List<String> exposed = new ArrayList<>();
        for (String token : tokens) {
            for (String filter : filters) {
                JsonNode figures = gateway.json(gateway.get("/api/outcomes?" + filter, token), 200);
                blocks += smallBlocks(figures, filter, exposed);
            }
        }
        System.out.printf("Steering anonymity: %d small blocks seen, all suppressed: %s%n", blocks, exposed.isEmpty());
        assertThat(blocks).as("the filters do narrow some figures to a few children").isPositive();
        assertThat(exposed).isEmpty();
    }

    /** Counts the blocks of 1–4 children (or suppressed ones); notes each that shows more than that it is suppressed. */
    private static int smallBlocks(JsonNode node, String filter, List<String> exposed) {
        int small = 0;
        if (node.isObject()) {
            int n = node.path("n").asInt(0);
            if (n >= 1 && n <= 4 || node.path("suppressed").asBoolean(false)) {
                small++;
                boolean hidden = node.path("suppressed").asBoolean(false) && Stream.of("mean", "meanFrom", "meanTo",
                        "meanChange", "improved", "unchanged", "worsened", "pValue", "effectSize", "significance")
                        .noneMatch(node::has);
                if (!hidden) {
                    exposed.add(filter + ": " + node);
                }
            }
        }
        for (JsonNode child : node) {
            small += smallBlocks(child, filter, exposed);
        }
        return small;
    }

    // ---- 7. Injection and abuse -----------------------------------------------------------------

    @Test
    void mongoOperatorsInBodiesAndParametersAreDataOrRefusedNeverQueries() {
        String teacher = callers.token(Principal.TEACHER_AARHUS);
        long before = total(teacher);
        for (String body : List.of(
                "{\"interventionCode\": {\"$ne\": null}, \"concerns\": [\"PARENTAL_DIVORCE\"]}",
                "{\"child\": {\"firstName\": {\"$where\": \"sleep(5000)\"}}}",
                "{\"$where\": \"this.municipalityCode != ''\"}")) {
            Http.Answer answer = gateway.postJson("/api/referrals/drafts", teacher, body);
            assertThat(answer.status()).as(body + " → " + answer).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(total(teacher)).as("nothing stored").isEqualTo(before);

        // In the query, an operator is a value like any other: refused where the value has a form,
        // never a filter that widens what the caller sees.
        String caseworker = callers.token(Principal.CASEWORKER_COPENHAGEN);
        long own = total(caseworker);
        for (String query : List.of("status=%7B%22%24ne%22%3Anull%7D", "status%5B%24ne%5D=SUBMITTED",
                "scope=%7B%22%24ne%22%3A%22MINE%22%7D")) {
            Http.Answer answer = gateway.get("/api/referrals?size=1&" + query, caseworker);
            assertThat(answer.status()).as(query + " → " + answer).isIn(200, 400);
            if (answer.status() == 200) {
                assertThat(gateway.json(answer, 200).path("totalElements").asLong()).isLessThanOrEqualTo(own);
            } else {
                assertThat(answer.isProblem()).isTrue();
            }
        }
        Http.Answer where = gateway.get("/api/consents?childId=%7B%22%24where%22%3A%221%3D%3D1%22%7D", teacher);
        assertThat(where.status()).as(where.toString()).isIn(200, 400);
        if (where.status() == 200) {
            assertThat(gateway.json(where, 200)).as("no consent matches an operator").isEmpty();
        }
    }

    @Test
    void lineBreaksInFreeTextAndPathsCannotForgeLogLines() throws IOException {
        String teacher = callers.token(Principal.TEACHER_AARHUS);
        String forged = "FORGED-" + Instant.now().toEpochMilli();
        gateway.json(gateway.postJson("/api/referrals/drafts", teacher, """
                {"interventionCode": "POWERKIDS", "childView": {"whatIsHard": "ondt\\r\\n%s INFO referral-service: ok",
                 "wishes": "x\\n%s"}}""".formatted(forged, forged)), 201);
        gateway.get("/api/referrals/x%0d%0a" + forged + "%20INFO%20fake", teacher);
        gateway.get("/api/referrals/x%0d%0a" + forged, "not-a-token");

        Path logs = system.dataDir().resolve("logs");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(logLinesStartingWith(logs, forged))
                .as("no log line begins with the attacker's text").isEmpty());
    }

    private static List<String> logLinesStartingWith(Path logs, String prefix) {
        try (Stream<Path> files = Files.list(logs)) {
            return files.flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(line -> line.startsWith(prefix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void hugePagesBodiesAndNestingAreRefusedWithProblemDetails() {
        String teacher = callers.token(Principal.TEACHER_AARHUS);

        Http.Answer page = gateway.get("/api/referrals?size=1000000", teacher);
        assertThat(page.status()).as(page.toString()).isEqualTo(400);
        assertThat(page.isProblem()).isTrue();

        Http.Answer tenMegabytes = gateway.postJson("/api/referrals/drafts", teacher,
                "{\"interventionCode\": \"POWERKIDS\", \"childView\": {\"whatIsHard\": \"" + "a".repeat(10 << 20)
                        + "\"}}");
        assertThat(tenMegabytes.status()).as(tenMegabytes.toString()).isEqualTo(413);

        String deep = "[".repeat(5000) + "]".repeat(5000);
        Http.Answer nested = gateway.postJson("/api/referrals/drafts", teacher,
                "{\"interventionCode\": \"POWERKIDS\", \"concerns\": " + deep + "}");
        assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
        assertThat(nested.isProblem()).isTrue();

        Http.Answer longText = gateway.postJson("/api/referrals/drafts", teacher,
                "{\"interventionCode\": \"POWERKIDS\", \"childView\": {\"whatIsHard\": \"" + "a".repeat(100_000)
                        + "\"}}");
        assertThat(longText.status()).as("oversize text").isEqualTo(400);
    }

    @Test
    void aFloodIsSlowedWith429AndTheGatewayStaysWell() throws Exception {
        String volunteer = callers.token(Principal.UNASSIGNED_VOLUNTEER);
        ExecutorService flood = Executors.newFixedThreadPool(16);
        try {
            List<Future<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                answers.add(flood.submit(() -> gateway.get("/api/ngo/my-children", volunteer)));
            }
            List<Http.Answer> limited = new ArrayList<>();
            for (Future<Http.Answer> answer : answers) {
                Http.Answer got = answer.get();
                assertThat(got.status()).as(got.toString()).isIn(200, 429);
                if (got.status() == 429) {
                    limited.add(got);
                }
            }
            assertThat(limited).as("a flood from one caller meets the rate limit").isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer.isProblem()).isTrue());
        } finally {
            flood.shutdownNow();
        }
        assertThat(gateway.get("/actuator/health", null).body()).contains("UP");
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/ngo/my-children", volunteer).status() == 200);
    }
}
