package dk.earlyhelp.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which collections carry an outbox and where their events go.
 *
 * @param source       CloudEvents {@code source} of everything this service publishes, e.g. {@code /referral-service}
 * @param pollInterval how often the relay looks for unpublished events
 * @param outboxes     one entry per aggregate collection
 */
@ConfigurationProperties("earlyhelp.outbox")
public record OutboxProperties(String source, Duration pollInterval, List<Outbox> outboxes) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        outboxes = outboxes == null ? List.of() : List.copyOf(outboxes);
    }

    /**
     * @param collection MongoDB collection whose documents hold a {@code pendingEvents} array
     * @param binding    Spring Cloud Stream output binding the events are sent to
     */
    public record Outbox(String collection, String binding) {
    }
}
