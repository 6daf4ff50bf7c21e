package dk.earlyhelp.measurement.questionnaire;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param onTimeDays      days after a due date that still count as on time (the follow-up has its own ±30 days)
 * @param addedDimensions per partnership ({@code INTERVENTION-MUNICIPALITY}), dimensions it agreed to
 *                        measure beside its intervention's, e.g. {@code POWERKIDS-0751: SELF_HARM}
 * @param reminders       how often overdue questionnaires become reminders
 */
@ConfigurationProperties("earlyhelp.measurement")
public record MeasurementSettings(@DefaultValue("14") int onTimeDays, Map<String, List<String>> addedDimensions,
                                  @DefaultValue Reminders reminders) {

    public MeasurementSettings {
        addedDimensions = addedDimensions == null ? Map.of() : Map.copyOf(addedDimensions);
    }

    /** Property keys may arrive in any case (environment variables, command lines). */
    public List<String> addedDimensions(String partnership) {
        return addedDimensions.entrySet().stream()
                .filter(entry -> entry.getKey().toUpperCase(Locale.ROOT).equals(partnership.toUpperCase(Locale.ROOT)))
                .flatMap(entry -> entry.getValue().stream())
                .map(code -> code.strip().toUpperCase(Locale.ROOT))
                .toList();
    }

    public record Reminders(@DefaultValue("PT1H") Duration checkEvery) {
    }
}
