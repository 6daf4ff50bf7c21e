package dk.earlyhelp.consent.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.consent.ConsentFixtures;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;

/**
 * A referral that waits for consent asks through the broker (referral-service's
 * {@code referral.awaiting-consent.v1}); an active consent that permits the NGO's use answers with
 * {@code consent.confirmed.v1}, once per question; without one nothing is published (issue 7, fault test 5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitingReferralIntegrationTests {

    static final String AWAITING = "referral.awaiting-consent.v1";
    static final String CONFIRMED = "consent.confirmed.v1";

    static EventProbe consentEvents;

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    Api api;

    @BeforeAll
    static void listen() {
        consentEvents = EventProbe.on("consent.events");
    }

    @AfterAll
    static void stopListening() {
        consentEvents.close();
    }

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void aConsentGivenBeforeTheQuestionConfirmsItOncePerQuestion() throws Exception {
        String child = UUID.randomUUID().toString();
        String referral = UUID.randomUUID().toString();
        String consentId = ConsentFixtures.active(api, child, LocalDate.now(), LocalDate.now().plusMonths(6));
        String question = UUID.randomUUID().toString();

        EventProbe.publishEvent("referral.events", AWAITING, question, referral, awaiting(referral, child, "URK_AAR"));

        ConsumerRecord<byte[], byte[]> confirmed = consentEvents.await(record -> confirmation(record, child));
        Contracts.assertMatchesSchema("consent-service", CONFIRMED, EventProbe.value(confirmed));
        JsonNode data = Contracts.parse(EventProbe.value(confirmed));
        assertThat(data.get("consentId").asText()).isEqualTo(consentId);
        assertThat(data.get("answersReferralId").asText()).isEqualTo(referral);
        assertThat(data.get("purposes")).extracting(JsonNode::asText).contains("REFERRAL_AND_DELIVERY");

        // The same question again (redelivered), then another referral's question queued behind it (same key).
        String later = UUID.randomUUID().toString();
        EventProbe.publishEvent("referral.events", AWAITING, question, referral, awaiting(referral, child, "URK_AAR"));
        EventProbe.publishEvent("referral.events", AWAITING, UUID.randomUUID().toString(), referral,
                awaiting(later, child, "URK_AAR"));
        consentEvents.await(record -> confirmation(record, child) && answers(record).equals(later));
        assertThat(consentEvents.seen(record -> confirmation(record, child) && answers(record).equals(referral)))
                .as("the repeat answered nothing").hasSize(1);
        assertThat(audit.about(child)).filteredOn(record -> record.actor().equals("service:referral-service"))
                .extracting(AuditRecord::decision).contains("PERMIT");
    }

    @Test
    void withoutAConsentForTheNgoNothingIsConfirmedAndTheDenialIsAudited() throws Exception {
        String child = UUID.randomUUID().toString();
        String referral = UUID.randomUUID().toString();
        ConsentFixtures.active(api, child, LocalDate.now(), LocalDate.now().plusMonths(6));
        String otherChild = UUID.randomUUID().toString();

        // The consent names Powerkids' NGO, not STRØM's; the other child has no consent at all.
        EventProbe.publishEvent("referral.events", AWAITING, UUID.randomUUID().toString(), referral,
                awaiting(referral, child, "STROEM_AAR"));
        EventProbe.publishEvent("referral.events", AWAITING, UUID.randomUUID().toString(), referral,
                awaiting(referral, otherChild, "URK_AAR"));
        // A question that is answered, behind them on the same key: once it is, the two before were handled.
        String marker = UUID.randomUUID().toString();
        ConsentFixtures.active(api, marker, LocalDate.now(), LocalDate.now().plusMonths(6));
        EventProbe.publishEvent("referral.events", AWAITING, UUID.randomUUID().toString(), referral,
                awaiting(referral, marker, "URK_AAR"));
        consentEvents.await(record -> confirmation(record, marker));

        assertThat(consentEvents.seen(record -> confirmation(record, child) || confirmation(record, otherChild)))
                .isEmpty();
        assertThat(audit.about(otherChild)).singleElement().satisfies(record -> {
            assertThat(record.actor()).isEqualTo("service:referral-service");
            assertThat(record.decision()).isEqualTo("DENY");
        });
    }

    @Test
    void aQuestionAnsweredNoIsNotDecidedAgainWhenRedeliveredAfterAConsentCame() throws Exception {
        String child = UUID.randomUUID().toString();
        String referral = UUID.randomUUID().toString();
        String question = UUID.randomUUID().toString();
        EventProbe.publishEvent("referral.events", AWAITING, question, referral, awaiting(referral, child, "URK_AAR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> audit.about(child).size() == 1);
        ConsentFixtures.active(api, child, LocalDate.now(), LocalDate.now().plusMonths(6));

        // Redelivered after the consent came, then a new question behind it on the same key.
        String later = UUID.randomUUID().toString();
        EventProbe.publishEvent("referral.events", AWAITING, question, referral, awaiting(referral, child, "URK_AAR"));
        EventProbe.publishEvent("referral.events", AWAITING, UUID.randomUUID().toString(), referral,
                awaiting(later, child, "URK_AAR"));
        consentEvents.await(record -> confirmation(record, child) && answers(record).equals(later));

        assertThat(consentEvents.seen(record -> confirmation(record, child) && answers(record).equals(referral)))
                .as("the first answer stands").isEmpty();
        assertThat(audit.about(child)).filteredOn(record -> record.actor().equals("service:referral-service"))
                .extracting(AuditRecord::decision).containsExactly("DENY", "PERMIT");
    }

    /** referral-service's own example of the question, about this referral, child and NGO. */
    private static String awaiting(String referral, String child, String ngo) {
        ObjectNode question = (ObjectNode) Contracts.parse(Contracts.example("referral-service", AWAITING));
        question.put("referralId", referral).put("childId", child).put("ngoCode", ngo).put("municipalityCode", "0751");
        return question.toString();
    }

    private static String answers(ConsumerRecord<byte[], byte[]> record) {
        return Contracts.parse(EventProbe.value(record)).get("answersReferralId").asText();
    }

    private static boolean confirmation(ConsumerRecord<byte[], byte[]> record, String child) {
        return CONFIRMED.equals(EventProbe.header(record, CloudEventHeaders.TYPE))
                && child.equals(new String(record.key(), StandardCharsets.UTF_8));
    }
}
