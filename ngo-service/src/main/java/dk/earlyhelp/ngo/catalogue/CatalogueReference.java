package dk.earlyhelp.ngo.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared codes an intervention is described in: the concern codes of catalog.json
 * ({@code concernCodes}) and the questionnaire dimensions of instrument.json. Both files are this
 * service's copies of {@code ../shared/domain}; other services read the same codes from events.
 */
@Component
public class CatalogueReference {

    private final Set<String> concerns;
    private final Set<String> dimensions;

    CatalogueReference(JsonMapper json) {
        concerns = keys(read(json, "demo/catalog.json").get("concernCodes"));
        Set<String> codes = new LinkedHashSet<>();
        read(json, "instrument/instrument.json").get("dimensions").forEach(dimension ->
                codes.add(dimension.get("code").asString()));
        dimensions = Set.copyOf(codes);
    }

    /** Concern codes a target group may name (for whom, and exclusions). */
    public Set<String> concerns() {
        return concerns;
    }

    /** Dimensions of the shared instrument an intervention may measure. */
    public Set<String> dimensions() {
        return dimensions;
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new LinkedHashSet<>();
        object.propertyNames().forEach(keys::add);
        return Set.copyOf(keys);
    }

    private static JsonNode read(JsonMapper json, String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
