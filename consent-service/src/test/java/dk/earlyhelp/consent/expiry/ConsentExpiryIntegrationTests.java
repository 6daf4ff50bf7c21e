package dk.earlyhelp.consent.expiry;

import static dk.earlyhelp.consent.ConsentFixtures.CASEWORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.consent.ConsentFixtures;
import dk.earlyhelp.consent.MovableClock;
import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.ConsentStore;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;

/**
 * Expiry on the real store and broker (CONSENT.md rule 6): the clock is moved past a consent's last
 * Danish day and the job is run at once instead of waiting for its schedule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class ConsentExpiryIntegrationTests {

    static EventProbe consentEvents;

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ConsentExpiry expiry;

    @Autowired
    ConsentStore store;

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anActiveConsentExpiresWhenItsLastDanishDayHasPassedTellsEveryServiceAndGrantsNothing() throws Exception {
        String child = UUID.randomUUID().toString();
        LocalDate today = Consent.dayOf(clock.instant());
        LocalDate lastDay = today.plusDays(10);
        String id = ConsentFixtures.active(api, child, today, lastDay);
        assertThat(ConsentFixtures.permitted(api, child)).isTrue();

        moveTo(midnightAfter(lastDay).minusSeconds(5));
        expiry.expireDue();
        assertThat(ConsentFixtures.get(api, id).get("status").asText()).as("on its last day").isEqualTo("ACTIVE");
        assertThat(ConsentFixtures.permitted(api, child)).isTrue();

        clock.advance(Duration.ofSeconds(10));
        expiry.expireDue();

        JsonNode expired = ConsentFixtures.get(api, id);
        assertThat(expired.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.get("endedAt").asText()).isNotBlank();
        assertThat(expired.get("missingConfirmations")).extracting(JsonNode::asText)
                .containsExactly("ngo-service", "measurement-service");
        assertThat(ConsentFixtures.permitted(api, child)).isFalse();
        ConsumerRecord<byte[], byte[]> event = consentEvents.await(record -> child.equals(new String(record.key()))
                && "consent.expired.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("consent-service", "consent.expired.v1", EventProbe.value(event));
        JsonNode data = Contracts.parse(EventProbe.value(event));
        assertThat(data.get("consentId").asText()).isEqualTo(id);
        assertThat(data.get("wasActive").asBoolean()).isTrue();
        assertThat(data.get("refused").asBoolean()).isFalse();
        assertThat(data.get("validUntil").asText()).isEqualTo(lastDay.toString());
        assertThat(EventProbe.header(event, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(audit.about(child)).filteredOn(record -> record.actor().equals("system:consent-expiry"))
                .extracting(AuditRecord::action, AuditRecord::resourceId).containsExactly(tuple("UPDATE", id));
        assertThat(api.post("/api/consents/" + id + "/withdraw", CASEWORKER, "").statusCode())
                .as("an expired consent cannot be withdrawn").isEqualTo(409);
    }

    @Test
    void aWithdrawalAtTheSameMomentWinsOverTheExpiry() throws Exception {
        String child = UUID.randomUUID().toString();
        LocalDate today = Consent.dayOf(clock.instant());
        String id = ConsentFixtures.active(api, child, today, today.plusDays(3));
        Consent readByTheJob = store.find(id).orElseThrow();

        Api.body(api.post("/api/consents/" + id + "/withdraw", CASEWORKER, ""), 200);
        moveTo(midnightAfter(today.plusDays(3)).plusSeconds(60));
        readByTheJob.expire(clock.instant(), List.of("ngo-service"));

        assertThatThrownBy(() -> store.saveChange(readByTheJob)).isInstanceOf(OptimisticLockingFailureException.class);
        expiry.expireDue();
        JsonNode withdrawn = ConsentFixtures.get(api, id);
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(store.find(id).orElseThrow().expiredAt()).isNull();
    }

    private void moveTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    private static Instant midnightAfter(LocalDate day) {
        return day.plusDays(1).atStartOfDay(Consent.ZONE).toInstant();
    }
}
