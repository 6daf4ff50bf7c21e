package dk.earlyhelp.measurement.safety;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param acknowledgeWithin a concern task not acknowledged within this time is escalated
 * @param escalation        how often the escalation job looks
 * @param extraClosingDays  days besides weekends and public holidays that are no working day for the
 *                          conversation deadline; by default Grundlovsdag, 24 and 31 December, since
 *                          public offices close then
 */
@ConfigurationProperties("earlyhelp.safety")
public record SafetySettings(@DefaultValue("PT24H") Duration acknowledgeWithin,
                             @DefaultValue Escalation escalation,
                             @DefaultValue({ "CONSTITUTION_DAY", "CHRISTMAS_EVE", "NEW_YEARS_EVE" })
                             Set<WorkingDays.ExtraClosingDay> extraClosingDays) {

    public record Escalation(@DefaultValue("PT5M") Duration checkEvery) {
    }
}
