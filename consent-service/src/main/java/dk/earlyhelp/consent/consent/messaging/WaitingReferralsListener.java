package dk.earlyhelp.consent.consent.messaging;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.consent.consent.ConsentManagement;
import dk.earlyhelp.consent.consent.DataCategory;
import dk.earlyhelp.consent.consent.Purpose;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thin adapter from {@code referral.events}: a referral that waits for consent asks whether a
 * consent held here covers it ({@code referral.awaiting-consent.v1}). Other types are not ours. A
 * question without an event id cannot be answered once only, so it fails to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class WaitingReferralsListener {

    static final String AWAITING_CONSENT = "referral.awaiting-consent.v1";

    @Bean
    Consumer<Message<byte[]>> waitingReferrals(ConsentManagement consents, JsonMapper json) {
        return SystemWork.listener("listener:waitingReferrals", message -> {
            if (!AWAITING_CONSENT.equals(CloudEventHeaders.attribute(message, "type"))) {
                return;
            }
            String eventId = CloudEventHeaders.attribute(message, "id");
            AwaitingConsentData data = json.readValue(message.getPayload(), AwaitingConsentData.class);
            if (eventId == null || data.referralId() == null || data.childId() == null
                    || data.municipalityCode() == null || data.ngoCode() == null || data.purpose() == null
                    || data.categories() == null || data.categories().isEmpty()) {
                throw new IllegalArgumentException("Incomplete " + AWAITING_CONSENT + " " + eventId);
            }
            consents.answerWaitingReferral(eventId, new ConsentManagement.WaitingReferral(data.referralId(),
                    data.childId(), data.municipalityCode(), data.ngoCode(), data.purpose(),
                    data.categories().stream().collect(Collectors.toUnmodifiableSet())));
        });
    }

    /** Our trimmed copy of {@code referral.awaiting-consent.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AwaitingConsentData(String referralId, String childId, String municipalityCode, String ngoCode,
                               Purpose purpose, List<DataCategory> categories) {
    }
}
