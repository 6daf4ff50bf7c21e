package dk.earlyhelp.local.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The AsyncAPI document at the root lists every event type a producer has a contract for, and nothing else. */
class AsyncApiTests {

    static final Path ROOT = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryProducersContractWithItsSchema() throws IOException {
        Map<String, Object> asyncApi;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("asyncapi.yaml"))) {
            asyncApi = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) asyncApi
                .get("components")).get("messages");
        Map<String, String> schemaByType = new java.util.TreeMap<>();
        messages.values().forEach(message -> schemaByType.put((String) message.get("name"),
                (String) ((Map<String, Object>) message.get("payload")).get("$ref")));

        List<Path> contracts = contractSchemas();
        assertThat(contracts).isNotEmpty();
        assertThat(schemaByType.keySet()).containsExactlyInAnyOrderElementsOf(contracts.stream()
                .map(path -> path.getFileName().toString().replace(".schema.json", "")).toList());
        schemaByType.values().forEach(ref -> assertThat(ROOT.resolve(ref)).exists());
    }

    @Test
    void everyContractHasAnExample() throws IOException {
        for (Path schema : contractSchemas()) {
            assertThat(schema.resolveSibling(schema.getFileName().toString().replace(".schema.json", ".example.json")))
                    .exists();
        }
    }

    private static List<Path> contractSchemas() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 4)) {
            return files.filter(path -> path.toString().contains("contracts/events/")
                    && path.toString().endsWith(".schema.json") && !path.toString().contains("/target/")).toList();
        }
    }
}
