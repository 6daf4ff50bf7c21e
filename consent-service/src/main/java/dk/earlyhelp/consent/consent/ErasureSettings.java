package dk.earlyhelp.consent.consent;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who must confirm erasure after a consent ends while active, and by when (CONSENT.md rule 5). A
 * consent keeps the list as it was when it ended, so adding a service later raises no alarm about
 * consents that ended before it took part.
 *
 * @param confirmers services that receive data under a consent and confirm its erasure
 * @param deadline   how long after the end a missing confirmation raises the alert
 */
@ConfigurationProperties("earlyhelp.consent.erasure")
public record ErasureSettings(List<String> confirmers, Duration deadline) {

    public ErasureSettings {
        confirmers = confirmers == null ? List.of("ngo-service") : List.copyOf(confirmers);
        deadline = deadline == null ? Duration.ofHours(24) : deadline;
    }
}
