package dk.earlyhelp.referrals.referral.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.referrals.referral.ReferralManagement;
import dk.earlyhelp.referrals.referral.ReferralStatus;
import tools.jackson.databind.json.JsonMapper;

/** Thin adapter from {@code ngo.events} to the referral's lifecycle: received, accepted, waitlisted, declined. */
@Configuration(proxyBeanMethods = false)
class NgoEventsListener {

    static final String RECEIVED = "ngo.referral-received.v1";
    static final String DECIDED = "ngo.referral-decided.v1";

    @Bean
    Consumer<Message<byte[]>> ngoEvents(ReferralManagement referrals, JsonMapper json) {
        return message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            String eventId = CloudEventHeaders.attribute(message, "id");
            if (RECEIVED.equals(type)) {
                ReferralReceivedData data = json.readValue(message.getPayload(), ReferralReceivedData.class);
                referrals.applyNgoDecision(eventId, data.referralId(), ReferralStatus.RECEIVED, null, null,
                        data.occurredAt());
            } else if (DECIDED.equals(type)) {
                ReferralDecidedData data = json.readValue(message.getPayload(), ReferralDecidedData.class);
                referrals.applyNgoDecision(eventId, data.referralId(), ReferralStatus.valueOf(data.decision()),
                        data.reason(), data.suggestedInterventionCode(), data.occurredAt());
            }
        };
    }

    /** Our trimmed copy of {@code ngo.referral-received.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralReceivedData(String referralId, Instant occurredAt) {
    }

    /** Our trimmed copy of {@code ngo.referral-decided.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralDecidedData(String referralId, String decision, String reason, String suggestedInterventionCode,
                               Instant occurredAt) {
    }
}
