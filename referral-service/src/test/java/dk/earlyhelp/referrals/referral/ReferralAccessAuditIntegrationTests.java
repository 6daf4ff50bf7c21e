package dk.earlyhelp.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
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

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.consent.TestConsents;
import dk.earlyhelp.referrals.offer.TestCatalogue;

/**
 * The reads behind the access report (CONSENT.md rules 10 and 11): staff reading a referral and the
 * NGO's read of it record which categories and for which purpose, and each goes to {@code audit.events}
 * through the outbox, by organisation and role and without the reader's user id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralAccessAuditIntegrationTests {

    static final String TYPE = "audit.data-accessed.v1";
    static EventProbe auditEvents;

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    Api api;
    String teacher;

    @BeforeAll
    static void listen() {
        auditEvents = EventProbe.on("audit.events");
    }

    @AfterAll
    static void stopListening() {
        auditEvents.close();
    }

    @BeforeEach
    void catalogue() {
        api = new Api(port);
        teacher = TestTokens.municipalStaff("teacher-audit-" + UUID.randomUUID(), "0751");
        TestCatalogue.publish(api);
    }

    @Test
    void staffAndTheNgoReadsSayTheirCategoriesAndPurposeAndReachTheAuditTopicWithoutTheReadersId()
            throws Exception {
        // A CPR number of its own, so no other test's child is taken for a duplicate of this one.
        String cpr = "150315-4" + String.format("%03d", new java.util.Random().nextInt(1_000));
        String id = Api.body(api.post("/api/referrals/drafts", teacher,
                DraftAndEligibilityIntegrationTests.complete("Ida").replace("020616-4111", cpr)), 201)
                .get("id").asText();
        JsonNode submitted = Api.body(api.post("/api/referrals/" + id + "/submit", teacher, "{}"), 200);
        String child = submitted.at("/child/id").asText();
        TestConsents.grant(api, teacher, submitted, "URK_AAR", "CONCERNS", "CHILD_VIEW");

        Api.body(api.get("/api/referrals/" + id, teacher), 200);
        // No consent service runs beside this module, so the NGO's read is refused what it asked for (rule 7).
        Api.body(api.get("/api/referrals/" + id + "/for-ngo", TestTokens.ngoCoordinator("coordinator-audit",
                "URK_AAR")), 200);

        List<String> whole = List.of("CHILD_VIEW", "CONCERNS", "CONTACT", "CPR", "FAMILY_SITUATION", "SCHOOL");
        List<String> shared = List.of("CHILD_VIEW", "CONCERNS", "CONTACT", "FAMILY_SITUATION", "SCHOOL");
        assertThat(audit.about(child)).filteredOn(record -> record.resourceType().equals("referral")
                        && !record.action().equals("UPDATE") && !record.action().equals("CREATE"))
                .extracting(AuditRecord::action, AuditRecord::organisation, AuditRecord::categories,
                        AuditRecord::purpose)
                .contains(tuple("READ", "0751", whole, "REFERRAL_AND_DELIVERY"),
                        tuple("DENIED", "URK_AAR", shared, "REFERRAL_AND_DELIVERY"));

        ConsumerRecord<byte[], byte[]> staffRead = auditEvents.await(record -> isAbout(record, child, "\"READ\""));
        ConsumerRecord<byte[], byte[]> ngoRead = auditEvents.await(record -> isAbout(record, child, "\"DENIED\""));
        for (ConsumerRecord<byte[], byte[]> record : List.of(staffRead, ngoRead)) {
            assertThat(EventProbe.header(record, "ce_source")).isEqualTo("/referral-service");
            Contracts.assertMatchesSchema("platform", TYPE, EventProbe.value(record));
            assertThat(EventProbe.value(record)).doesNotContain("teacher-audit", "coordinator-audit", "Ida",
                    cpr.substring(0, 6));
        }
        JsonNode staff = Contracts.parse(EventProbe.value(staffRead));
        assertThat(staff.get("staffRole").asText()).isEqualTo("TEACHER");
        assertThat(staff.get("categories")).extracting(JsonNode::asText).containsExactlyElementsOf(whole);
        assertThat(Contracts.parse(EventProbe.value(ngoRead)).get("organisation").asText()).isEqualTo("URK_AAR");
    }

    private static boolean isAbout(ConsumerRecord<byte[], byte[]> record, String child, String action) {
        return record.key() != null && child.equals(new String(record.key(), StandardCharsets.UTF_8))
                && TYPE.equals(EventProbe.header(record, "ce_type")) && EventProbe.value(record).contains(action)
                && EventProbe.value(record).contains("\"referral\"");
    }
}
