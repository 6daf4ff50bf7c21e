package dk.earlyhelp.local.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.local.LocalSettings;
import dk.earlyhelp.local.system.RunningSystem;
import dk.earlyhelp.local.system.UserTokens;

/**
 * Attack test 8, schema fuzzing: requests generated from each service's OpenAPI document, sent to
 * the service itself (its own validation and authorisation, not the gateway's limits) as every
 * principal and an administrator: the smallest valid body, every property, wrong types, nulls,
 * oversize text, broken JSON, the wrong media type, odd path and query values. Not one may answer
 * 5xx, and every status must be one the operation documents. Objects named in paths are made up,
 * so no fixture of the other tests is touched; after the browser tests, because what the valid
 * bodies create is only noise for them.
 */
@Order(7)
class SchemaFuzzIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void generatedRequestsGetOnlyDocumentedAnswersAndNever5xx() throws Exception {
        LocalSettings system = RunningSystem.get();
        Http gateway = new Http(system.portalUrl());
        Callers callers = new Callers(system.portalUrl());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Principal principal : Principal.values()) {
            tokens.put(principal.name(), callers.token(principal));
        }
        tokens.put("ADMINISTRATOR", UserTokens.accessToken(system.portalUrl(), "admin"));

        List<ApiDescription.Operation> operations = new ApiDescription(gateway).operations();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        // The callers fuzz side by side; each its own generator, seeded, so a failure can be repeated.
        ExecutorService fuzzers = Executors.newFixedThreadPool(tokens.size());
        List<Future<?>> running = new ArrayList<>();
        int seed = 20261126;
        for (Map.Entry<String, String> caller : tokens.entrySet()) {
            Random random = new Random(seed++);
            running.add(fuzzers.submit(() -> {
                for (ApiDescription.Operation operation : operations) {
                    Http service = operation.service(system);
                    for (Variant variant : Variant.values()) {
                        Request request = variant.build(operation, random);
                        if (request == null) {
                            continue;
                        }
                        Http.Answer answer = service.send(operation.method(), request.path(), caller.getValue(),
                                request.contentType(), request.body());
                        sent.incrementAndGet();
                        if (answer.status() >= 500 || !operation.documentedStatuses().contains(answer.status())) {
                            wrong.add(caller.getKey() + " " + operation.key() + " [" + variant + "] "
                                    + request.path() + " → " + answer);
                        }
                    }
                }
            }));
        }
        try {
            for (Future<?> fuzzer : running) {
                fuzzer.get();
            }
        } finally {
            fuzzers.shutdownNow();
        }
        System.out.printf("Schema fuzzing: %d requests, %d answers outside the API description%n", sent.get(),
                wrong.size());
        assertThat(sent.get()).isGreaterThan(2000);
        assertThat(wrong).isEmpty();
    }

    record Request(String path, String contentType, String body) {
    }

    /** The kinds of generated request. */
    enum Variant {
        SMALLEST_VALID((operation, random) -> operation.example(operation.body().getValue(), false).toString()),
        EVERY_PROPERTY((operation, random) -> operation.example(operation.body().getValue(), true).toString()),
        WRONG_TYPES((operation, random) -> mangle(operation, operation.body().getValue(), Mangling.WRONG_TYPE)),
        NULLS((operation, random) -> mangle(operation, operation.body().getValue(), Mangling.NULL)),
        OVERSIZE_TEXT((operation, random) -> mangle(operation, operation.body().getValue(), Mangling.HUGE)),
        BROKEN_JSON((operation, random) -> "{\"" + "a".repeat(random.nextInt(5)) + "\": ["),
        WRONG_MEDIA_TYPE(null),
        ODD_PATH_AND_QUERY(null);

        private final BiFunction<ApiDescription.Operation, Random, String> body;

        Variant(BiFunction<ApiDescription.Operation, Random, String> body) {
            this.body = body;
        }

        Request build(ApiDescription.Operation operation, Random random) {
            Map.Entry<String, JsonNode> declared = operation.body();
            boolean odd = this == ODD_PATH_AND_QUERY;
            String path = path(operation, odd, random) + query(operation, odd || this == EVERY_PROPERTY, odd, random);
            if (declared == null) {
                // Without a body, only the path and query vary.
                return this == SMALLEST_VALID || odd || this == EVERY_PROPERTY ? new Request(path, null, null) : null;
            }
            if (this == WRONG_MEDIA_TYPE) {
                return new Request(path, "application/xml", "<referral/>");
            }
            if (odd) {
                return new Request(path, declared.getKey(), operation.example(declared.getValue(), false).toString());
            }
            if (!declared.getKey().contains("json")) {
                return this == SMALLEST_VALID ? new Request(path, declared.getKey(), "not a line of JSON\n") : null;
            }
            return new Request(path, declared.getKey(), body.apply(operation, random));
        }

        private static String path(ApiDescription.Operation operation, boolean odd, Random random) {
            String path = operation.path();
            for (JsonNode parameter : operation.parameters("path")) {
                String value = odd ? List.of("..%2F..%2Factuator", "%00", "x".repeat(2000), "%7B%24ne%7D", "-1")
                        .get(random.nextInt(5)) : "fuzz-" + UUID.randomUUID();
                path = path.replace("{" + parameter.get("name").asText() + "}", value);
            }
            return path;
        }

        private static String query(ApiDescription.Operation operation, boolean every, boolean odd, Random random) {
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : operation.parameters("query")) {
                if (!every && !parameter.path("required").asBoolean()) {
                    continue;
                }
                String value = odd ? List.of("%00", "'%20OR%201=1", "99999999999999999999", "-5",
                        "%7B%22%24gt%22%3A%22%22%7D").get(random.nextInt(5))
                        : URLEncoder.encode(operation.example(parameter.path("schema")).isArray()
                                ? operation.example(parameter.path("schema")).get(0).asText()
                                : operation.example(parameter.path("schema")).asText(), StandardCharsets.UTF_8);
                query.append(query.isEmpty() ? "?" : "&").append(parameter.get("name").asText()).append('=')
                        .append(value);
            }
            return query.toString();
        }
    }

    enum Mangling { WRONG_TYPE, NULL, HUGE }

    /** Every property of the body (nested ones too) changed the same way. */
    private static String mangle(ApiDescription.Operation operation, JsonNode schema, Mangling how) {
        JsonNode body = operation.example(schema, true);
        return body.isObject() ? mangled(operation, (ObjectNode) body, operation.resolve(schema), how).toString()
                : wrongType(body).toString();
    }

    private static ObjectNode mangled(ApiDescription.Operation operation, ObjectNode body, JsonNode schema,
            Mangling how) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = body.get(name);
            JsonNode property = operation.resolve(schema.path("properties").path(name));
            if (value.isObject() && how != Mangling.NULL) {
                body.set(name, mangled(operation, (ObjectNode) value, property, how));
                continue;
            }
            body.set(name, switch (how) {
                case WRONG_TYPE -> wrongType(value);
                case NULL -> NODES.nullNode();
                case HUGE -> value.isTextual() ? NODES.textNode("ø".repeat(5000))
                        : value.isArray() ? hugeArray(value) : value;
            });
        }
        return body;
    }

    private static JsonNode wrongType(JsonNode value) {
        if (value.isTextual()) {
            return NODES.numberNode(12345);
        }
        if (value.isNumber()) {
            return NODES.textNode("not a number");
        }
        if (value.isBoolean()) {
            return NODES.textNode("maybe");
        }
        if (value.isArray()) {
            return NODES.objectNode().put("not", "a list");
        }
        return NODES.textNode("not an object");
    }

    private static JsonNode hugeArray(JsonNode value) {
        var array = NODES.arrayNode();
        for (int i = 0; i < 1000; i++) {
            array.add(value.isEmpty() ? NODES.textNode("x") : value.get(0));
        }
        return array;
    }
}
