package dk.earlyhelp.measurement.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.json.JsonMapper;

/** The questionnaire of {@code instrument.json}: which item belongs to which dimension, on which scale. */
@Component
public class Instrument {

    private final List<Dimension> dimensions;
    private final Map<String, Dimension> dimensionByItem = new LinkedHashMap<>();
    private final int scaleMin;
    private final int scaleMax;

    Instrument(JsonMapper json) {
        InstrumentFile file;
        try (InputStream in = new ClassPathResource("instrument/instrument.json").getInputStream()) {
            file = json.readValue(in, InstrumentFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("instrument.json is missing or unreadable", e);
        }
        this.dimensions = file.dimensions().stream()
                .map(d -> new Dimension(d.code(), d.higherIsBetter(), d.items().stream().map(Item::code).toList()))
                .toList();
        dimensions.forEach(dimension -> dimension.items().forEach(item -> dimensionByItem.put(item, dimension)));
        this.scaleMin = file.scale().min();
        this.scaleMax = file.scale().max();
    }

    /** In the instrument's order. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    public boolean knowsItem(String itemCode) {
        return dimensionByItem.containsKey(itemCode);
    }

    public boolean onScale(int answer) {
        return answer >= scaleMin && answer <= scaleMax;
    }

    /** A dimension and its items; a score is valid with at least half its items answered, rounded up. */
    public record Dimension(String code, boolean higherIsBetter, List<String> items) {

        public int itemsNeeded() {
            return (items.size() + 1) / 2;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InstrumentFile(Scale scale, List<DimensionFile> dimensions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scale(int min, int max) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DimensionFile(String code, boolean higherIsBetter, List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String code) {
    }
}
