package dk.earlyhelp.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Reads a producer's contract files ({@code contracts/events/<type>.schema.json} and
 * {@code <type>.example.json}), so producer and consumer tests check against the same promise.
 */
public final class Contracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Contracts() {
    }

    /** The contract folder of a producing module, seen from another module's working directory. */
    public static Path folder(String producerModule) {
        return Path.of("..", producerModule, "contracts", "events");
    }

    public static String example(String producerModule, String type) {
        return read(folder(producerModule).resolve(type + ".example.json"));
    }

    /** Asserts that the JSON is valid against the producer's schema for that event type. */
    public static void assertMatchesSchema(String producerModule, String type, String json) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(read(folder(producerModule).resolve(type + ".schema.json")),
                        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        Set<ValidationMessage> errors = schema.validate(parse(json));
        assertThat(errors).as("%s against the %s schema", json, type).isEmpty();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
