package dk.earlyhelp.measurement.catalogue;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;

/**
 * The shared catalogue's interventions, published on the real broker as ngo-service publishes them
 * (checked against its contract), so imports and filters meet the catalogue they meet in production.
 */
public final class TestCatalogue {

    static final Path CATALOG = Path.of("..", "..", "shared", "domain", "catalog.json");

    private TestCatalogue() {
    }

    /** Publishes every intervention and waits until the read model has them all. */
    public static void published(Catalogue catalogue) {
        JsonNode interventions = read().get("interventions");
        for (JsonNode intervention : interventions) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("interventionCode", intervention.get("code").asText());
            data.put("name", intervention.get("name").asText());
            data.put("ngoCode", intervention.get("ngo").asText());
            data.set("municipalities", intervention.get("municipalities"));
            data.set("types", intervention.get("types"));
            data.putObject("targetGroup");
            data.putObject("format");
            data.set("measures", intervention.get("measures"));
            data.put("fidelityManual", intervention.get("fidelityManual").asBoolean());
            data.put("occurredAt", "2026-01-01T00:00:00Z");
            String payload = data.toString();
            Contracts.assertMatchesSchema("ngo-service", "ngo.intervention-published.v1", payload);
            EventProbe.publishEvent("ngo.events", "ngo.intervention-published.v1", UUID.randomUUID().toString(),
                    intervention.get("code").asText(), payload);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue.all().size() == interventions.size());
    }

    private static JsonNode read() {
        try {
            return Contracts.parse(Files.readString(CATALOG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
