package dk.earlyhelp.consent.access.messaging;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.consent.access.AccessLogEntry;
import dk.earlyhelp.consent.access.AccessReports;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thin adapter from {@code audit.events} (group {@code consent-service-access}): every
 * {@code audit.data-accessed.v1} becomes one access-log entry. One without an event id, a child or
 * a time cannot be recorded once only, so it fails and goes to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class AuditEventsListener {

    static final String TYPE = "audit.data-accessed.v1";

    @Bean
    Consumer<Message<byte[]>> accessLog(AccessReports reports, JsonMapper json) {
        return SystemWork.listener("listener:accessLog", message -> {
            if (!TYPE.equals(CloudEventHeaders.attribute(message, "type"))) {
                return;
            }
            String eventId = CloudEventHeaders.attribute(message, "id");
            DataAccessedData data = json.readValue(message.getPayload(), DataAccessedData.class);
            if (eventId == null || data.childId() == null || data.occurredAt() == null) {
                throw new IllegalArgumentException("Incomplete " + TYPE + " " + eventId);
            }
            reports.accessed(new AccessLogEntry(eventId, data.childId(), data.service(), data.organisation(),
                    data.organisationType(), data.roles(), data.staffRole(), data.action(), data.resourceType(),
                    data.categories(), data.purpose(), data.occurredAt()));
        });
    }

    /** Our copy of {@code audit.data-accessed.v1} (platform contract). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DataAccessedData(String childId, String service, String organisation, String organisationType,
                            List<String> roles, String staffRole, String action, String resourceType,
                            List<String> categories, String purpose, Instant occurredAt) {
    }
}
