package dk.earlyhelp.consent.grantee.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.consent.grantee.GranteeNames;
import dk.earlyhelp.consent.grantee.InterventionName;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/** Thin adapter from {@code ngo.events}: the names in published interventions. Other types are not ours. */
@Configuration(proxyBeanMethods = false)
class NgoEventsListener {

    static final String PUBLISHED = "ngo.intervention-published.v1";

    @Bean
    Consumer<Message<byte[]>> ngoEvents(GranteeNames names, JsonMapper json) {
        return SystemWork.listener("listener:ngoEvents", message -> {
            if (PUBLISHED.equals(CloudEventHeaders.attribute(message, "type"))) {
                names.published(json.readValue(message.getPayload(), InterventionPublishedData.class).toNames());
            }
        });
    }

    /** Our trimmed copy of {@code ngo.intervention-published.v1}: 5 of its fields. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InterventionPublishedData(String interventionCode, String name, String ngoCode, String ngoName,
                                     Instant occurredAt) {

        InterventionName toNames() {
            // ngoName is optional in the contract; the code stands in for it.
            return new InterventionName(interventionCode, name, ngoCode, ngoName == null ? ngoCode : ngoName,
                    occurredAt);
        }
    }
}
