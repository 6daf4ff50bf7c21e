package dk.earlyhelp.measurement.safety;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param acknowledgeWithin a concern task not acknowledged within this time is escalated
 * @param escalation        how often the escalation job looks
 */
@ConfigurationProperties("earlyhelp.safety")
public record SafetySettings(@DefaultValue("PT24H") Duration acknowledgeWithin,
                             @DefaultValue Escalation escalation) {

    public record Escalation(@DefaultValue("PT5M") Duration checkEvery) {
    }
}
