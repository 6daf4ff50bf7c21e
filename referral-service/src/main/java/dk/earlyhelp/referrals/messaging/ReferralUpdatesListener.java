package dk.earlyhelp.referrals.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import dk.earlyhelp.referrals.concern.ConcernNotification;
import dk.earlyhelp.referrals.notification.NotificationCentre;
import dk.earlyhelp.referrals.notification.ReferralNews;
import dk.earlyhelp.referrals.referral.ReferralUpdated;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens to this service's own {@code referral.updated.v1} and
 * {@code referral.concern-notification-received.v1} (as its own consumer group) to notify the
 * referrer: the event is written with the change, so the notification cannot be lost, and its id
 * makes a redelivery harmless. Other types on the topic are not for this listener.
 */
@Configuration(proxyBeanMethods = false)
class ReferralUpdatesListener {

    @Bean
    Consumer<Message<byte[]>> referralUpdates(NotificationCentre notifications, JsonMapper json) {
        return SystemWork.listener("listener:referralUpdates", message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            if (ConcernNotification.RECEIVED.equals(type)) {
                ConcernReceivedData data = json.readValue(message.getPayload(), ConcernReceivedData.class);
                notifications.referralUpdated(CloudEventHeaders.attribute(message, "id"), new ReferralNews(
                        data.referralId(), data.interventionCode(), "CONCERN_RECEIVED", null, null,
                        data.occurredAt()));
            } else if (ReferralUpdated.TYPE.equals(type)) {
                ReferralUpdatedData data = json.readValue(message.getPayload(), ReferralUpdatedData.class);
                // News about consent is told as its own kind of news, whatever the referral's status.
                String news = data.consent() != null ? "CONSENT_" + data.consent() : data.status();
                notifications.referralUpdated(CloudEventHeaders.attribute(message, "id"), new ReferralNews(
                        data.referralId(), data.interventionCode(), news, data.reason(),
                        data.expectedStart(), data.occurredAt()));
            }
        });
    }

    /** Our trimmed copy of {@code referral.concern-notification-received.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConcernReceivedData(String referralId, String interventionCode, Instant occurredAt) {
    }

    /** Our trimmed copy of {@code referral.updated.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralUpdatedData(String referralId, String interventionCode, String status, String reason,
                               LocalDate expectedStart, String consent, Instant occurredAt) {
    }
}
