package dk.earlyhelp.consent.erasure.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.consent.consent.ErasureConfirmation;
import dk.earlyhelp.consent.erasure.ErasureConfirmations;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thin adapter from the receivers' topics (now {@code ngo.events}, its own consumer group): every
 * {@code <service>.erasure-confirmed.v1}. Other types are not ours. A confirmation without an
 * event id or a service cannot be recorded once only, so it fails and goes to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConfirmedListener {

    static final String TYPE_SUFFIX = ".erasure-confirmed.v1";

    @Bean
    Consumer<Message<byte[]>> erasureConfirmed(ErasureConfirmations confirmations, JsonMapper json) {
        return SystemWork.listener("listener:erasureConfirmed", message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            if (type == null || !type.endsWith(TYPE_SUFFIX)) {
                return;
            }
            String eventId = CloudEventHeaders.attribute(message, "id");
            ErasureConfirmedData data = json.readValue(message.getPayload(), ErasureConfirmedData.class);
            if (eventId == null || data.consentId() == null || data.childId() == null || data.service() == null
                    || data.occurredAt() == null) {
                throw new IllegalArgumentException("Incomplete " + type + " " + eventId);
            }
            confirmations.confirmed(eventId, data.consentId(), data.childId(),
                    new ErasureConfirmation(data.service(), data.occurredAt(), data.itemsErased()));
        });
    }

    /** Our trimmed copy of {@code ngo.erasure-confirmed.v1} (and its kin from other receivers): 5 of its fields. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErasureConfirmedData(String consentId, String childId, String service, Integer itemsErased,
                                Instant occurredAt) {
    }
}
