package dk.earlyhelp.ngo.inbox.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.ngo.inbox.InboxManagement.SubmittedReferral;
import dk.earlyhelp.ngo.inbox.InboxManagement;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/** Thin adapter from {@code referral.events} to the inbox; ignores event types it does not need. */
@Configuration(proxyBeanMethods = false)
class ReferralEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ReferralEventsListener.class);
    static final String REFERRAL_SUBMITTED = "referral.submitted.v1";
    static final String REFERRAL_WITHDRAWN = "referral.withdrawn.v1";

    @Bean
    Consumer<Message<byte[]>> referralEvents(InboxManagement inbox, JsonMapper json) {
        return SystemWork.listener("listener:referralEvents", message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            String eventId = CloudEventHeaders.attribute(message, "id");
            boolean applied;
            String referralId;
            if (REFERRAL_SUBMITTED.equals(type)) {
                ReferralSubmittedData data = json.readValue(message.getPayload(), ReferralSubmittedData.class);
                referralId = data.referralId();
                applied = inbox.receive(eventId, data.toSubmittedReferral());
            } else if (REFERRAL_WITHDRAWN.equals(type)) {
                referralId = json.readValue(message.getPayload(), ReferralWithdrawnData.class).referralId();
                applied = inbox.withdrawn(eventId, referralId);
            } else {
                return;
            }
            log.info("{} {} for referral {}", applied ? "Applied" : "Skipped repeated", type, referralId);
        });
    }

    /** Our trimmed copy of {@code referral.withdrawn.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralWithdrawnData(String referralId) {
    }

    /** Our trimmed copy of the producer's contract: unknown fields are ignored, so additions are free. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralSubmittedData(String referralId, String childId, int childAge, String childGender,
                                 String municipalityCode, String interventionCode, java.util.List<String> concerns,
                                 String urgency, java.time.Instant occurredAt) {

        SubmittedReferral toSubmittedReferral() {
            return new SubmittedReferral(referralId, childId, childAge, childGender, municipalityCode,
                    interventionCode, concerns, urgency, occurredAt);
        }
    }
}
