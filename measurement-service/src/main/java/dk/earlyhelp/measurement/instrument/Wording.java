package dk.earlyhelp.measurement.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the questionnaires say, in Danish and English, as {@code instrument.json} words it: each
 * dimension's questions and answer labels, the background questions and the fidelity questions.
 * Kept apart from {@link Instrument}, which scores, so the words can change without touching figures.
 */
@Component
public class Wording {

    private final Map<String, DimensionWording> dimensions = new LinkedHashMap<>();
    private final List<Question> background;
    private final List<Question> fidelity;
    private final int fidelityMin;
    private final int fidelityMax;

    Wording(JsonMapper json) {
        InstrumentFile file;
        try (InputStream in = new ClassPathResource("instrument/instrument.json").getInputStream()) {
            file = json.readValue(in, InstrumentFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("instrument.json is missing or unreadable", e);
        }
        for (DimensionFile dimension : file.dimensions()) {
            Labels labels = "frequencyLabels".equals(dimension.answerLabels()) ? file.scale().frequencyLabels()
                    : file.scale().agreementLabels();
            dimensions.put(dimension.code(), new DimensionWording(dimension.code(), dimension.da(), dimension.en(),
                    Boolean.TRUE.equals(dimension.safetySensitive()), dimension.items(), labels));
        }
        this.background = file.background();
        this.fidelity = file.fidelity().items();
        this.fidelityMin = file.fidelity().scale().min();
        this.fidelityMax = file.fidelity().scale().max();
    }

    public Optional<DimensionWording> dimension(String code) {
        return Optional.ofNullable(dimensions.get(code));
    }

    /** Every dimension in the instrument's order. */
    public List<DimensionWording> dimensions() {
        return List.copyOf(dimensions.values());
    }

    /** The background questions (yes, no or unknown), answered at intake by staff. */
    public List<Question> background() {
        return background;
    }

    /** The fidelity questions, answered by those who deliver. */
    public List<Question> fidelity() {
        return fidelity;
    }

    public boolean onFidelityScale(int answer) {
        return answer >= fidelityMin && answer <= fidelityMax;
    }

    public int fidelityMin() {
        return fidelityMin;
    }

    public int fidelityMax() {
        return fidelityMax;
    }

    /** A question with its Danish and English words. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Question(String code, String da, String en) {
    }

    /** The answer labels of a scale, lowest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Labels(List<String> da, List<String> en) {
    }

    /**
     * A dimension's name, questions and answer labels.
     *
     * @param safetySensitive whether a worrying score raises a concern (instrument.json, {@code safetyRule})
     */
    public record DimensionWording(String code, String da, String en, boolean safetySensitive,
                                   List<Question> items, Labels labels) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InstrumentFile(Scale scale, List<DimensionFile> dimensions, List<Question> background,
                          FidelityFile fidelity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scale(int min, int max, Labels frequencyLabels, Labels agreementLabels) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DimensionFile(String code, String da, String en, String answerLabels, Boolean safetySensitive,
                         List<Question> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FidelityFile(Scale scale, List<Question> items) {
    }
}
