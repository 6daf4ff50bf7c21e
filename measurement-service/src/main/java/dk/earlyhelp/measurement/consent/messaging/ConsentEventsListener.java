package dk.earlyhelp.measurement.consent.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.measurement.consent.EvaluationConsents;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thin adapter from {@code consent.events}: granted consents are kept; a consent that had been
 * active and was withdrawn or expired ends. A refused draft shared nothing; other types are not ours.
 */
@Configuration(proxyBeanMethods = false)
class ConsentEventsListener {

    static final String GRANTED = "consent.granted.v1";
    /** An active consent with a new effective scope (a young person joined it): replaces what was known. */
    static final String CHANGED = "consent.changed.v1";
    static final String WITHDRAWN = "consent.withdrawn.v1";
    static final String EXPIRED = "consent.expired.v1";

    @Bean
    Consumer<Message<byte[]>> consentEvents(EvaluationConsents consents, JsonMapper json) {
        return SystemWork.listener("listener:consentEvents", message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            if (GRANTED.equals(type) || CHANGED.equals(type)) {
                ConsentData data = json.readValue(message.getPayload(), ConsentData.class);
                consents.granted(data.consentId(), data.childId(), data.purposes(), data.validUntil(), data.grantees());
            } else if (WITHDRAWN.equals(type) || EXPIRED.equals(type)) {
                ConsentData data = json.readValue(message.getPayload(), ConsentData.class);
                if (!Boolean.FALSE.equals(data.wasActive())) {
                    consents.ended(CloudEventHeaders.attribute(message, "id"), data.consentId(), data.childId(),
                            data.occurredAt());
                }
            }
        });
    }

    /** Our trimmed copy of the consent events' data. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConsentData(String consentId, String childId, List<String> purposes, List<String> grantees,
                       LocalDate validUntil,
                       Boolean wasActive, Instant occurredAt) {
    }
}
