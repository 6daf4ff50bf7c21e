package dk.earlyhelp.referrals.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import dk.earlyhelp.referrals.offer.Availability;
import dk.earlyhelp.referrals.offer.Format;
import dk.earlyhelp.referrals.offer.Offer;
import dk.earlyhelp.referrals.offer.OfferCatalogue;
import dk.earlyhelp.referrals.offer.TargetGroup;
import dk.earlyhelp.referrals.referral.Referral;
import dk.earlyhelp.referrals.referral.ReferralManagement;
import dk.earlyhelp.referrals.referral.ReferralStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thin adapter from {@code ngo.events}: the referral's lifecycle (received, accepted, waitlisted,
 * declined; matched, started, completed, dropped out; a match the family declined) and the read
 * model of offers (published, availability changed). Other types are not ours.
 */
@Configuration(proxyBeanMethods = false)
class NgoEventsListener {

    static final String RECEIVED = "ngo.referral-received.v1";
    static final String DECIDED = "ngo.referral-decided.v1";
    static final String PROGRESSED = "ngo.referral-progressed.v1";
    static final String MATCH_DECLINED = "ngo.match-declined.v1";
    static final String PUBLISHED = "ngo.intervention-published.v1";
    static final String AVAILABILITY = "ngo.availability-changed.v1";

    @Bean
    Consumer<Message<byte[]>> ngoEvents(ReferralManagement referrals, OfferCatalogue offers, JsonMapper json) {
        return SystemWork.listener("listener:ngoEvents", message -> {
            String type = CloudEventHeaders.attribute(message, "type");
            String eventId = CloudEventHeaders.attribute(message, "id");
            if (RECEIVED.equals(type)) {
                ReferralReceivedData data = json.readValue(message.getPayload(), ReferralReceivedData.class);
                referrals.applyNgoDecision(eventId, data.referralId(),
                        new Referral.NgoNews(ReferralStatus.RECEIVED, null, null, null, data.occurredAt()));
            } else if (DECIDED.equals(type)) {
                ReferralDecidedData data = json.readValue(message.getPayload(), ReferralDecidedData.class);
                referrals.applyNgoDecision(eventId, data.referralId(), new Referral.NgoNews(
                        ReferralStatus.valueOf(data.decision()), data.reason(), data.suggestedInterventionCode(),
                        data.expectedStart(), data.occurredAt()));
            } else if (PROGRESSED.equals(type)) {
                ReferralProgressedData data = json.readValue(message.getPayload(), ReferralProgressedData.class);
                referrals.applyNgoDecision(eventId, data.referralId(), new Referral.NgoNews(
                        ReferralStatus.valueOf(data.status()), data.reason(), null, null,
                        Boolean.TRUE.equals(data.needsAnotherOffer()), data.occurredAt()));
            } else if (MATCH_DECLINED.equals(type)) {
                MatchDeclinedData data = json.readValue(message.getPayload(), MatchDeclinedData.class);
                referrals.applyMatchDeclined(eventId, data.referralId(), ReferralStatus.valueOf(data.status()),
                        data.reason(), data.occurredAt());
            } else if (PUBLISHED.equals(type)) {
                offers.published(json.readValue(message.getPayload(), InterventionPublishedData.class).toOffer());
            } else if (AVAILABILITY.equals(type)) {
                AvailabilityChangedData data = json.readValue(message.getPayload(), AvailabilityChangedData.class);
                offers.availabilityChanged(data.interventionCode(), new Availability(data.places(), data.freePlaces(),
                        data.waiting(), data.expectedStart(), data.occurredAt()));
            }
        });
    }

    /** Our trimmed copy of {@code ngo.referral-received.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralReceivedData(String referralId, Instant occurredAt) {
    }

    /** Our trimmed copy of {@code ngo.referral-decided.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralDecidedData(String referralId, String decision, String reason, String suggestedInterventionCode,
                               LocalDate expectedStart, Instant occurredAt) {
    }

    /** Our trimmed copy of {@code ngo.referral-progressed.v1}: matched, started, completed or dropped out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralProgressedData(String referralId, String status, String reason, Boolean needsAnotherOffer,
                                  Instant occurredAt) {
    }

    /** Our trimmed copy of {@code ngo.match-declined.v1}: where the referral waits again, and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MatchDeclinedData(String referralId, String status, String reason, Instant occurredAt) {
    }

    /** Our trimmed copy of {@code ngo.intervention-published.v1}; the target group and format are read as they come. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InterventionPublishedData(String interventionCode, String name, String ngoCode, String ngoName,
                                     List<String> municipalities, String model, List<String> types,
                                     TargetGroup targetGroup, Format format, String deliveredBy,
                                     Map<String, String> progressSharing, Map<String, String> models,
                                     Integer staircaseStep, Instant occurredAt) {

        Offer toOffer() {
            return new Offer(interventionCode, name, ngoCode, ngoName, List.copyOf(municipalities), model,
                    types == null ? List.of() : List.copyOf(types),
                    targetGroup == null ? TargetGroup.ANYONE : targetGroup,
                    format == null ? new Format(null, null, null, null, null, null, null, null, null) : format,
                    deliveredBy, progressSharing == null ? null : Map.copyOf(progressSharing), occurredAt, null,
                    models == null ? null : Map.copyOf(models), staircaseStep);
        }
    }

    /** Our trimmed copy of {@code ngo.availability-changed.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AvailabilityChangedData(String interventionCode, int places, int freePlaces, int waiting,
                                   LocalDate expectedStart, Instant occurredAt) {
    }
}
