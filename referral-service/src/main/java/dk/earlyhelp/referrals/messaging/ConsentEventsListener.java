package dk.earlyhelp.referrals.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import dk.earlyhelp.referrals.referral.ReferralManagement;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thin adapter from {@code consent.events}: a consent that became active, or that the consent service
 * confirms for a waiting referral, lets waiting referrals go to the NGO; one that was refused,
 * withdrawn or expired is news for the referrer. Other types are not ours.
 */
@Configuration(proxyBeanMethods = false)
class ConsentEventsListener {

    static final String GRANTED = "consent.granted.v1";
    /** The consent service's answer to a waiting referral's question: an active consent covers it; same data. */
    static final String CONFIRMED = "consent.confirmed.v1";
    static final String WITHDRAWN = "consent.withdrawn.v1";
    /** Expiry is withdrawal at the end date (CONSENT.md rule 6); same data. */
    static final String EXPIRED = "consent.expired.v1";

    @Bean
    Consumer<Message<byte[]>> consentEvents(ReferralManagement referrals, JsonMapper json) {
        return SystemWork.listener("listener:consentEvents", message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            String eventId = CloudEventHeaders.attribute(message, "id");
            if (GRANTED.equals(type) || CONFIRMED.equals(type)) {
                ConsentGrantedData data = json.readValue(message.getPayload(), ConsentGrantedData.class);
                referrals.consentGranted(eventId, new ReferralManagement.GrantedConsent(data.consentId(),
                        data.childId(), data.municipalityCode(), List.copyOf(data.grantees()),
                        data.interventionCode(), data.referralId(), Set.copyOf(data.purposes()),
                        Set.copyOf(data.categories()), data.occurredAt()));
            } else if (WITHDRAWN.equals(type) || EXPIRED.equals(type)) {
                ConsentWithdrawnData data = json.readValue(message.getPayload(), ConsentWithdrawnData.class);
                referrals.consentEnded(eventId, new ReferralManagement.EndedConsent(data.consentId(), data.childId(),
                        data.municipalityCode(), data.referralId(), data.refused(), data.occurredAt()));
            }
        });
    }

    /** Our trimmed copy of {@code consent.granted.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConsentGrantedData(String consentId, String childId, String municipalityCode, List<String> grantees,
                              String interventionCode, String referralId, List<String> purposes,
                              List<String> categories, Instant occurredAt) {
    }

    /** Our trimmed copy of {@code consent.withdrawn.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConsentWithdrawnData(String consentId, String childId, String municipalityCode, String referralId,
                                boolean refused, Instant occurredAt) {
    }
}
