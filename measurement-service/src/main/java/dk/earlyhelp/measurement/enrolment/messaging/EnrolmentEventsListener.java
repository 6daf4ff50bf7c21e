package dk.earlyhelp.measurement.enrolment.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.measurement.enrolment.Enrolment;
import dk.earlyhelp.measurement.enrolment.Enrolments;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thin adapters: a submitted referral (or the NGO's registration of a child without one) says who
 * and which offer, the NGO's progress says when the course started and ended and who delivers it,
 * and a volunteer who left, or whom the child's family declined, delivers nothing (for that child)
 * any more.
 * Other types on the topics are not ours.
 */
@Configuration(proxyBeanMethods = false)
class EnrolmentEventsListener {

    static final String SUBMITTED = "referral.submitted.v1";
    static final String PROGRESSED = "ngo.referral-progressed.v1";
    static final String RECEIVED = "ngo.referral-received.v1";
    /** Sources of children the NGO registers itself; a municipal referral's come in referral.submitted.v1. */
    private static final List<String> REGISTERED = List.of("PARENT_CONTACT", "NGO_OUTREACH");
    static final String VOLUNTEER_STATUS = "ngo.volunteer-status-changed.v1";
    static final String MATCH_DECLINED = "ngo.match-declined.v1";
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    @Bean
    Consumer<Message<byte[]>> referralEnrolments(Enrolments enrolments, JsonMapper json) {
        return SystemWork.listener("listener:referralEnrolments", message -> {
            if (SUBMITTED.equals(CloudEventHeaders.attribute(message, "type"))) {
                Submitted data = json.readValue(message.getPayload(), Submitted.class);
                enrolments.referred(data.referralId(), data.childId(), data.childAge(), data.childGender(),
                        data.municipalityCode(), data.interventionCode());
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> ngoEnrolments(Enrolments enrolments, JsonMapper json) {
        return SystemWork.listener("listener:ngoEnrolments", message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            if (VOLUNTEER_STATUS.equals(type)) {
                VolunteerStatus data = json.readValue(message.getPayload(), VolunteerStatus.class);
                if ("LEFT".equals(data.status())) {
                    enrolments.left(data.volunteerId(), data.occurredAt());
                }
            } else if (PROGRESSED.equals(type)) {
                progressed(enrolments, json.readValue(message.getPayload(), Progressed.class));
            } else if (MATCH_DECLINED.equals(type)) {
                MatchDeclined data = json.readValue(message.getPayload(), MatchDeclined.class);
                enrolments.declined(data.referralId(), data.volunteerId(), data.occurredAt());
            } else if (RECEIVED.equals(type)) {
                Received data = json.readValue(message.getPayload(), Received.class);
                if (REGISTERED.contains(data.source()) && data.childId() != null) {
                    enrolments.registered(data.referralId(), data.childId(), data.municipalityCode(),
                            data.interventionCode());
                }
            }
        });
    }

    private static void progressed(Enrolments enrolments, Progressed data) {
        LocalDate day = data.occurredAt().atZone(DANISH).toLocalDate();
        if (data.deliveredBy() != null && !data.deliveredBy().isEmpty()) {
            enrolments.delivered(data.referralId(), data.childId(), data.deliveredBy().stream()
                    .map(deliverer -> new Enrolment.Deliverer(deliverer.volunteerId(), deliverer.subjectPseudonym()))
                    .toList(), data.occurredAt());
        }
        switch (data.status()) {
            case "STARTED" -> enrolments.started(data.referralId(), data.childId(),
                    data.startedOn() == null ? day : data.startedOn());
            case "COMPLETED", "DROPPED_OUT" -> enrolments.ended(data.referralId(), data.childId(), day,
                    data.status());
            default -> {
                // MATCHED: nothing is due before the course starts; who delivers it is kept above.
            }
        }
    }

    /** Our trimmed copy of {@code referral.submitted.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Submitted(String referralId, String childId, int childAge, String childGender, String municipalityCode,
                     String interventionCode) {
    }

    /** Our trimmed copy of {@code ngo.referral-received.v1}: a child the NGO registered itself says who and which offer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Received(String referralId, String childId, String interventionCode, String municipalityCode,
                    String source) {
    }

    /** Our trimmed copy of {@code ngo.referral-progressed.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Progressed(String referralId, String childId, String status, LocalDate startedOn,
                      List<DelivererData> deliveredBy, Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DelivererData(String volunteerId, String subjectPseudonym) {
    }

    /** Our trimmed copy of {@code ngo.match-declined.v1}: the declined person delivers nothing for the child. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MatchDeclined(String referralId, String volunteerId, Instant occurredAt) {
    }

    /** Our trimmed copy of {@code ngo.volunteer-status-changed.v1}: someone who left delivers nothing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VolunteerStatus(String volunteerId, String status, Instant occurredAt) {
    }
}
