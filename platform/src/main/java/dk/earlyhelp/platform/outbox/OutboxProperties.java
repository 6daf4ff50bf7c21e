package dk.earlyhelp.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which collections carry an outbox and where their events go.
 *
 * @param source       CloudEvents {@code source} of everything this service publishes, e.g. {@code /referral-service}
 * @param pollInterval how long the relay waits for this process's writes before it checks whether a scan is due
 * @param scanInterval how often the relay scans every outbox for events it was not told of (another
 *                     instance's, or left by a crash); also once at start
 * @param outboxes     one entry per aggregate collection
 * @param faultHalt    fault injection for the fault-tolerance tests only ({@code FaultToleranceIT}): the relay
 *                     halts the whole JVM, as a power cut would, just before it publishes an event or just after
 *                     the broker acknowledged it and before it is removed from the document. Unset (the default)
 *                     in every real run; never set it in production.
 */
@ConfigurationProperties("earlyhelp.outbox")
public record OutboxProperties(String source, Duration pollInterval, Duration scanInterval, List<Outbox> outboxes,
                               FaultHalt faultHalt) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        scanInterval = scanInterval == null ? Duration.ofSeconds(5) : scanInterval;
        outboxes = outboxes == null ? List.of() : List.copyOf(outboxes);
    }

    /**
     * @param collection MongoDB collection whose documents hold a {@code pendingEvents} array
     * @param binding    Spring Cloud Stream output binding the events are sent to
     */
    public record Outbox(String collection, String binding) {
    }

    /** Where the relay halts the JVM when {@code earlyhelp.outbox.fault-halt} is set (tests only). */
    public enum FaultHalt {
        /** After the store write of the change and before the event is sent: nothing reached the broker. */
        BEFORE_PUBLISH,
        /** After the broker acknowledged the event and before it is removed: it will be sent again. */
        AFTER_PUBLISH
    }
}
