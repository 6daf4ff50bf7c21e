package dk.earlyhelp.referrals.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.consent.TestConsents;
import dk.earlyhelp.referrals.offer.TestCatalogue;
import dk.earlyhelp.referrals.referral.ReferralUpdated;
import jakarta.mail.internet.MimeMessage;

/**
 * The closed loop's notifications on the real broker, store and a real SMTP server (GreenMail):
 * the NGO's news reaches the referrer in the portal and by e-mail, once, without the child's name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationIntegrationTests {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static EventProbe referralEvents;

    @LocalServerPort
    int port;

    Api api;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        MAIL.start();
        properties.add("spring.mail.host", () -> "localhost");
        properties.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        properties.add("earlyhelp.notifications.mail-interval", () -> "200ms");
    }

    @BeforeAll
    static void listen() {
        referralEvents = EventProbe.on("referral.events");
    }

    @AfterAll
    static void stop() {
        referralEvents.close();
        MAIL.stop();
    }

    @BeforeEach
    void catalogue() {
        api = new Api(port);
        TestCatalogue.publish(api);
    }

    @Test
    void theNgosNewsReachesTheReferrerInThePortalAndByMailOnce() throws Exception {
        String subject = "teacher-" + UUID.randomUUID();
        String teacher = TestTokens.municipalStaff(subject, "0751");
        JsonNode created = Api.body(api.post("/api/referrals", teacher, """
                {"child": {"firstName": "Alma", "lastName": "Jensen", "birthDate": "2015-03-14", "gender": "GIRL"},
                 "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                 "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"], "confirmDuplicate": true,
                 "childView": {"whatIsHard": "Skilsmissen", "wishes": "At tale med andre"}}"""), 201);
        String id = created.get("id").asText();
        TestConsents.grant(api, teacher, created, "URK_AAR", "CONCERNS");
        await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.getReceivedMessages().length == 1
                && Api.body(api.get("/api/referrals/notifications", teacher), 200).get("items").size() == 1);
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).as("the consent let the referral go")
                .contains("Powerkids", "sendt til tilbuddet");

        String decided = """
                {"referralId": "%s", "decision": "WAITLISTED", "expectedStart": "2027-01-11",
                 "occurredAt": "%s"}""".formatted(id, Instant.now().plusSeconds(1));
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-decided.v1", decided);
        String decisionId = UUID.randomUUID().toString();
        publish("ngo.events", "ngo.referral-decided.v1", decisionId, id, decided);

        ConsumerRecord<byte[], byte[]> updated = referralEvents.await(record -> key(record).equals(id)
                && ReferralUpdated.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("referral-service", ReferralUpdated.TYPE, EventProbe.value(updated));
        await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.getReceivedMessages().length == 2
                && Api.body(api.get("/api/referrals/notifications", teacher), 200).get("items").size() == 2);

        JsonNode mine = Api.body(api.get("/api/referrals/notifications", teacher), 200);
        assertThat(mine.get("unread").asInt()).isEqualTo(2);
        assertThat(mine.at("/items/0/status").asText()).isEqualTo("WAITLISTED");
        assertThat(mine.at("/items/0/expectedStart").asText()).isEqualTo("2027-01-11");
        assertThat(Api.body(api.get("/api/referrals/" + id, teacher), 200).get("expectedStart").asText())
                .isEqualTo("2027-01-11");

        MimeMessage mail = MAIL.getReceivedMessages()[1];
        String text = (String) mail.getContent();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(subject + "@example.org");
        assertThat(mail.getSubject()).contains("Powerkids", "på venteliste");
        assertThat(text).contains("Forventet start: 2027-01-11", "/henvisninger/" + id, "waitlisted")
                .doesNotContain("Alma", "Jensen", "Skilsmissen");

        publish("ngo.events", "ngo.referral-decided.v1", decisionId, id, decided);
        publish("referral.events", ReferralUpdated.TYPE, EventProbe.header(updated, CloudEventHeaders.ID), id,
                EventProbe.value(updated));
        String later = UUID.randomUUID().toString();
        publish("ngo.events", "ngo.referral-decided.v1", later, id, decided.replace("WAITLISTED", "ACCEPTED")
                .replaceAll("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"" + Instant.now().plusSeconds(60) + "\""));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(api.get("/api/referrals/notifications", teacher),
                200).get("items").size() == 3);
        assertThat(Api.body(api.get("/api/referrals/notifications", teacher), 200).get("items"))
                .as("redelivered events notify nobody twice").extracting(item -> item.get("status").asText())
                .containsExactly("ACCEPTED", "WAITLISTED", "CONSENT_GIVEN");
    }

    @Test
    void eachReferrerReadsAndMarksOnlyTheirOwnNotifications() throws Exception {
        String teacher = TestTokens.municipalStaff("teacher-" + UUID.randomUUID(), "0751");
        String id = Api.body(api.post("/api/referrals", teacher, """
                {"child": {"firstName": "Otto", "lastName": "Berg", "birthDate": "2016-01-01", "gender": "BOY"},
                 "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                 "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"], "confirmDuplicate": true,
                 "childView": {"whatIsHard": "Det hele", "wishes": "Ro"}}"""), 201).get("id").asText();
        // Sent with the custody holders' consent; that news is read first.
        TestConsents.grant(api, teacher, Api.body(api.get("/api/referrals/" + id, teacher), 200), "URK_AAR",
                "CONCERNS");
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(api.get("/api/referrals/notifications", teacher),
                200).get("unread").asInt() == 1);
        assertThat(api.post("/api/referrals/notifications/read", teacher, "").statusCode()).isEqualTo(204);
        publish("ngo.events", "ngo.referral-received.v1", UUID.randomUUID().toString(), id,
                Contracts.example("ngo-service", "ngo.referral-received.v1").replace(
                        Contracts.parse(Contracts.example("ngo-service", "ngo.referral-received.v1"))
                                .get("referralId").asText(), id));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(api.get("/api/referrals/notifications", teacher),
                200).get("unread").asInt() == 1);
        String notification = java.util.stream.StreamSupport.stream(Api.body(api.get(
                        "/api/referrals/notifications", teacher), 200).get("items").spliterator(), false)
                .filter(item -> item.get("status").asText().equals("RECEIVED")).findFirst().orElseThrow()
                .get("id").asText();
        String colleague = TestTokens.municipalStaff("colleague-" + UUID.randomUUID(), "0751");

        assertThat(Api.body(api.get("/api/referrals/notifications", colleague), 200).get("items")).isEmpty();
        assertThat(api.post("/api/referrals/notifications/" + notification + "/read", colleague, "").statusCode())
                .isEqualTo(404);
        assertThat(api.post("/api/referrals/notifications/" + notification + "/read", teacher, "").statusCode())
                .isEqualTo(204);
        assertThat(Api.body(api.get("/api/referrals/notifications", teacher), 200).get("unread").asInt()).isZero();
        assertThat(Api.body(api.get("/api/referrals/notifications/unread", teacher), 200).get("unread").asInt())
                .isZero();
        assertThat(api.get("/api/referrals/notifications", TestTokens.ngoCoordinator("c", "URK_AAR")).statusCode())
                .isEqualTo(403);
    }

    private static void publish(String topic, String type, String eventId, String key, String json) {
        EventProbe.publishEvent(topic, type, eventId, key, json);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }
}
