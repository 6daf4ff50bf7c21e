package dk.earlyhelp.ngo.erasure.messaging;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.ngo.erasure.ErasureManagement.EndedConsent;
import dk.earlyhelp.ngo.erasure.ErasureManagement;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thin adapter from {@code consent.events}: a consent that had been active and was withdrawn or
 * expired starts the erasure. A draft that was refused or withdrawn shared nothing, so it needs
 * neither erasure nor confirmation; other types are not ours.
 */
@Configuration(proxyBeanMethods = false)
class ConsentEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ConsentEventsListener.class);
    static final String CONSENT_WITHDRAWN = "consent.withdrawn.v1";
    /** Expiry is withdrawal at the end date (CONSENT.md rule 6); same data. */
    static final String CONSENT_EXPIRED = "consent.expired.v1";

    @Bean
    Consumer<Message<byte[]>> consentEvents(ErasureManagement erasures, JsonMapper json) {
        return SystemWork.listener("listener:consentEvents", message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            if (!CONSENT_WITHDRAWN.equals(type) && !CONSENT_EXPIRED.equals(type)) {
                return;
            }
            ConsentEndedData data = json.readValue(message.getPayload(), ConsentEndedData.class);
            if (!data.active()) {
                log.info("Ignored {} for consent {}: it never became active", type, data.consentId());
                return;
            }
            boolean applied = erasures.consentEnded(CloudEventHeaders.attribute(message, "id"),
                    new EndedConsent(data.consentId(), data.childId(), data.grantees(), data.occurredAt()));
            log.info("{} {} for consent {}", applied ? "Applied" : "Skipped repeated", type, data.consentId());
        });
    }

    /**
     * Our trimmed copy of {@code consent.withdrawn.v1} (and {@code consent.expired.v1}).
     *
     * @param wasActive absent counts as active: erasing once too often is the safe side
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConsentEndedData(String consentId, String childId, List<String> grantees, Boolean wasActive,
                            Instant occurredAt) {

        boolean active() {
            return !Boolean.FALSE.equals(wasActive);
        }
    }
}
