package dk.earlyhelp.measurement.operations.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.measurement.operations.Capacity;
import dk.earlyhelp.measurement.operations.ReferralFlows;
import dk.earlyhelp.measurement.operations.Volunteers;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thin adapters from {@code referral.events} and {@code ngo.events} for the operations figures:
 * submitted and withdrawn referrals, children the NGOs registered themselves, the NGOs' decisions and
 * progress, capacity and volunteers.
 */
@Configuration(proxyBeanMethods = false)
class ReferralFlowListener {

    static final String SUBMITTED = "referral.submitted.v1";
    static final String WITHDRAWN = "referral.withdrawn.v1";
    static final String RECEIVED = "ngo.referral-received.v1";
    static final String DECIDED = "ngo.referral-decided.v1";
    static final String PROGRESSED = "ngo.referral-progressed.v1";
    static final String AVAILABILITY = "ngo.availability-changed.v1";
    static final String VOLUNTEER = "ngo.volunteer-status-changed.v1";
    static final String MUNICIPAL_REFERRAL = "MUNICIPAL_REFERRAL";

    @Bean
    Consumer<Message<byte[]>> referralFlowEvents(ReferralFlows flows, JsonMapper json) {
        return SystemWork.listener("listener:referralFlowEvents", message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            if (SUBMITTED.equals(type)) {
                Submitted data = json.readValue(message.getPayload(), Submitted.class);
                flows.submitted(data.referralId(), data.childId(), data.interventionCode(), data.municipalityCode(),
                        data.referrerRole(), data.occurredAt());
            } else if (WITHDRAWN.equals(type)) {
                Withdrawn data = json.readValue(message.getPayload(), Withdrawn.class);
                flows.withdrawn(data.referralId(), data.occurredAt());
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> ngoFlowEvents(ReferralFlows flows, Volunteers volunteers, JsonMapper json) {
        return SystemWork.listener("listener:ngoFlowEvents", message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            if (RECEIVED.equals(type)) {
                Received data = json.readValue(message.getPayload(), Received.class);
                // A municipal referral (or an event from before the source was sent) came with referral.submitted.v1.
                if (data.source() != null && !MUNICIPAL_REFERRAL.equals(data.source())) {
                    flows.registeredByNgo(data.referralId(), data.interventionCode(), data.municipalityCode(),
                            data.source(), data.occurredAt());
                }
            } else if (DECIDED.equals(type)) {
                Decided data = json.readValue(message.getPayload(), Decided.class);
                flows.decided(data.referralId(), data.decision(), data.reason(), data.suggestedInterventionCode(),
                        data.occurredAt());
            } else if (PROGRESSED.equals(type)) {
                Progressed data = json.readValue(message.getPayload(), Progressed.class);
                flows.progressed(data.referralId(), data.status(), data.startedOn(), data.occurredAt());
            } else if (AVAILABILITY.equals(type)) {
                AvailabilityChanged data = json.readValue(message.getPayload(), AvailabilityChanged.class);
                flows.capacityChanged(new Capacity(data.interventionCode(), data.places(), data.occupied(),
                        data.waiting(), data.freePlaces(), data.expectedStart(), data.occurredAt()));
            } else if (VOLUNTEER.equals(type)) {
                VolunteerStatusChanged data = json.readValue(message.getPayload(), VolunteerStatusChanged.class);
                volunteers.statusChanged(data.volunteerId(), data.ngoCode(), data.kind(), data.interventionCodes(),
                        data.status(), data.occurredAt());
            }
        });
    }

    /** Our trimmed copies of the producers' events. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Submitted(String referralId, String childId, String interventionCode, String municipalityCode,
                     String referrerRole, Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Withdrawn(String referralId, Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Received(String referralId, String interventionCode, String municipalityCode, String source,
                    Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Decided(String referralId, String decision, String reason, String suggestedInterventionCode,
                   Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Progressed(String referralId, String status, LocalDate startedOn, Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VolunteerStatusChanged(String volunteerId, String ngoCode, String kind, List<String> interventionCodes,
                                  String status, Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AvailabilityChanged(String interventionCode, int places, int occupied, int waiting, int freePlaces,
                               LocalDate expectedStart, Instant occurredAt) {
    }
}
