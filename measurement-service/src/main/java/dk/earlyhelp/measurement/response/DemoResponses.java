package dk.earlyhelp.measurement.response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data of the run mode: the synthetic responses of the shared public fixture, so steering
 * groups see figures from the start. Imports are checked against the catalogue, which arrives from
 * ngo-service as events, so the file is imported as soon as the catalogue has all its
 * partnerships; importing it again at a later start adds nothing.
 */
@Component
@ConditionalOnProperty(name = "earlyhelp.demo-data", havingValue = "true")
class DemoResponses {

    private static final Logger log = LoggerFactory.getLogger(DemoResponses.class);

    private final ResponseManagement responses;
    private final Catalogue catalogue;
    private final String ndjson;
    private final Set<String> partnerships;
    private boolean imported;

    DemoResponses(ResponseManagement responses, Catalogue catalogue, JsonMapper json) {
        this.responses = responses;
        this.catalogue = catalogue;
        try (InputStream in = new ClassPathResource("demo/responses.ndjson").getInputStream()) {
            this.ndjson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("demo/responses.ndjson is missing", e);
        }
        this.partnerships = ndjson.lines().filter(line -> !line.isBlank())
                .map(json::readTree)
                .map(line -> line.get("intervention").asText() + "-" + line.get("municipality").asText())
                .collect(Collectors.toSet());
    }

    @EventListener
    synchronized void catalogueChanged(Catalogue.CatalogueChanged changed) {
        if (!imported && new HashSet<>(catalogue.partnerships()).containsAll(partnerships)) {
            ResponseManagement.Imported result = responses.importFor(partnerships, ndjson);
            imported = true;
            log.info("Demo responses: {} imported, {} there already", result.imported(), result.alreadyImported());
        }
    }
}
