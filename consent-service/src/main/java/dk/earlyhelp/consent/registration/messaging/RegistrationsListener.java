package dk.earlyhelp.consent.registration.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.consent.registration.RegisteredChild;
import dk.earlyhelp.consent.registration.RegisteredChildren;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/** Thin adapter from {@code ngo.events}: children the NGO registered itself. Other types are not ours. */
@Configuration(proxyBeanMethods = false)
class RegistrationsListener {

    static final String RECEIVED = "ngo.referral-received.v1";

    @Bean
    Consumer<Message<byte[]>> registrations(RegisteredChildren children, JsonMapper json) {
        return SystemWork.listener("listener:registrations", message -> {
            if (RECEIVED.equals(CloudEventHeaders.attribute(message, "type"))) {
                ReferralReceivedData data = json.readValue(message.getPayload(), ReferralReceivedData.class);
                children.registered(new RegisteredChild(data.referralId(), data.childId(), data.ngoCode(),
                        data.interventionCode(), data.municipalityCode(), data.source(), data.occurredAt()));
            }
        });
    }

    /** Our trimmed copy of {@code ngo.referral-received.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralReceivedData(String referralId, String childId, String ngoCode, String interventionCode,
                                String municipalityCode, String source, Instant occurredAt) {
    }
}
