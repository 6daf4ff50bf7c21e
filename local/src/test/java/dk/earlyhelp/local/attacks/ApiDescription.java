package dk.earlyhelp.local.attacks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.local.LocalSettings;

/**
 * The operations of every service, read from the OpenAPI documents the gateway publishes; the
 * attack tests derive their requests from these, so a new endpoint is attacked without a test
 * change (and the tenant matrix fails until someone says who may use it).
 */
final class ApiDescription {

    /** The services' API documents at the gateway, in the order the run mode gives the services ports. */
    static final List<String> DOCUMENTS = List.of("/api-docs/referrals", "/api-docs/ngo", "/api-docs/consents",
            "/api-docs/measurements");

    private final List<Operation> operations = new ArrayList<>();

    ApiDescription(Http gateway) {
        for (String document : DOCUMENTS) {
            JsonNode api = gateway.json(gateway.get(document, null), 200);
            Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    operations.add(new Operation(document, method.getKey().toUpperCase(), path.getKey(),
                            method.getValue(), api));
                }
            }
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** One operation of one service's API description. */
    record Operation(String document, String method, String path, JsonNode spec, JsonNode api) {

        String key() {
            return method + " " + path;
        }

        /** The service itself, behind the gateway: the run mode gives the services the ports after the gateway's. */
        Http service(LocalSettings system) {
            return new Http("http://localhost:" + (system.basePort() + 1 + DOCUMENTS.indexOf(document)));
        }

        boolean namesObject() {
            return path.contains("{");
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            spec.path("parameters").forEach(parameter -> {
                if (in.equals(parameter.path("in").asText())) {
                    found.add(parameter);
                }
            });
            return found;
        }

        /** The statuses the description promises, e.g. 200, 400, 401. */
        Set<Integer> documentedStatuses() {
            Set<Integer> statuses = new TreeSet<>();
            spec.path("responses").fieldNames().forEachRemaining(status -> statuses.add(Integer.parseInt(status)));
            return statuses;
        }

        /** The media type and schema of the request body, or null without one. */
        Map.Entry<String, JsonNode> body() {
            JsonNode content = spec.path("requestBody").path("content");
            if (content.isMissingNode() || !content.fields().hasNext()) {
                return null;
            }
            Map.Entry<String, JsonNode> first = content.fields().next();
            return Map.entry(first.getKey(), resolve(first.getValue().path("schema")));
        }

        JsonNode resolve(JsonNode schema) {
            JsonNode resolved = schema;
            while (resolved.has("$ref")) {
                String name = resolved.get("$ref").asText().substring("#/components/schemas/".length());
                resolved = api.path("components").path("schemas").path(name);
            }
            return resolved;
        }

        /**
         * The smallest body the schema allows: its required properties, each with a value of its
         * type that meets the schema's enum, format and pattern. Codes checked against the
         * catalogue, which no schema can say, take a catalogue's code.
         */
        JsonNode example(JsonNode schema) {
            return example(schema, false);
        }

        /** As {@link #example(JsonNode)}, with every property the schema names when {@code everyProperty}. */
        JsonNode example(JsonNode schema, boolean everyProperty) {
            JsonNode resolved = resolve(schema);
            String type = type(resolved);
            return switch (type) {
                case "object" -> {
                    ObjectNode object = Http.JSON.createObjectNode();
                    List<String> names = new ArrayList<>();
                    (everyProperty ? resolved.path("properties").fieldNames() : names(resolved.path("required")))
                            .forEachRemaining(names::add);
                    names.forEach(name -> object.set(name, name.endsWith("nterventionCode")
                            ? Http.JSON.getNodeFactory().textNode("POWERKIDS")
                            : example(resolved.path("properties").path(name), everyProperty)));
                    yield object;
                }
                case "array" -> Http.JSON.createArrayNode().add(example(resolved.path("items"), everyProperty));
                case "integer", "number" -> Http.JSON.getNodeFactory().numberNode(1);
                case "boolean" -> Http.JSON.getNodeFactory().booleanNode(false);
                default -> Http.JSON.getNodeFactory().textNode(exampleText(resolved));
            };
        }

        /** The schema's type; one with properties is an object, one without a type a string. */
        String type(JsonNode schema) {
            JsonNode resolved = resolve(schema);
            return resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        }

        private static Iterator<String> names(JsonNode array) {
            List<String> names = new ArrayList<>();
            array.forEach(name -> names.add(name.asText()));
            return names.iterator();
        }

        private static String exampleText(JsonNode schema) {
            if (schema.has("enum")) {
                return schema.get("enum").get(0).asText();
            }
            return switch (schema.path("format").asText()) {
                case "date" -> java.time.LocalDate.now().toString();
                case "date-time" -> java.time.Instant.now().toString();
                case "uuid" -> java.util.UUID.randomUUID().toString();
                case "email" -> "attack@example.org";
                default -> schema.has("pattern") ? matching(schema.get("pattern").asText()) : "attack";
            };
        }

        /**
         * A string the simple patterns of our schemas match (character classes, {@code \d}, literals,
         * and the quantifiers {@code {n}}, {@code {n,m}}, {@code +}, {@code *}, {@code ?}); the first
         * character of each class, as often as the quantifier needs at least (once for none).
         */
        static String matching(String pattern) {
            StringBuilder text = new StringBuilder();
            int i = pattern.startsWith("^") ? 1 : 0;
            while (i < pattern.length() && pattern.charAt(i) != '$') {
                char chosen;
                char c = pattern.charAt(i);
                if (c == '[') {
                    int close = pattern.indexOf(']', i + 2);
                    chosen = pattern.charAt(i + 1) == '\\' ? classEscape(pattern.charAt(i + 2)) : pattern.charAt(i + 1);
                    i = close + 1;
                } else if (c == '\\') {
                    chosen = classEscape(pattern.charAt(i + 1));
                    i += 2;
                } else if (c == '(' || c == '|') {
                    return "attack"; // groups and alternatives are beyond this small generator
                } else {
                    chosen = c;
                    i++;
                }
                int times = 1;
                if (i < pattern.length() && pattern.charAt(i) == '{') {
                    int close = pattern.indexOf('}', i);
                    times = Math.max(1, Integer.parseInt(pattern.substring(i + 1, close).split(",")[0].trim()));
                    i = close + 1;
                } else if (i < pattern.length() && "+*?".indexOf(pattern.charAt(i)) >= 0) {
                    i++;
                }
                text.append(String.valueOf(chosen).repeat(times));
            }
            return text.toString();
        }

        private static char classEscape(char escaped) {
            return switch (escaped) {
                case 'd' -> '1';
                case 'w' -> 'a';
                case 's' -> ' ';
                default -> escaped;
            };
        }
    }
}
