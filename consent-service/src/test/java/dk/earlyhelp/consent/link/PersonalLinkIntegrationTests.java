package dk.earlyhelp.consent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dk.earlyhelp.consent.MovableClock;
import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.registration.RegisteredChildren;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Personal links on the real store, broker and a real SMTP server (GreenMail): the custody holder
 * reads the consent by the NGO's and the intervention's names, gives part of it or refuses, gets
 * a receipt with a link to withdraw, and every link works once and only while it is valid. The
 * clock can be moved to let links expire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class PersonalLinkIntegrationTests {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final String PORTAL = "https://portal.test";
    static final Pattern LINK = Pattern.compile(Pattern.quote(PORTAL) + "/samtykke/([A-Za-z0-9_-]{43})");
    static final String CASEWORKER = TestTokens.municipalStaff("caseworker-aarhus", "0751");
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static EventProbe consentEvents;

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    AuditTrail audit;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RegisteredChildren registered;

    Api api;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        MAIL.start();
        properties.add("spring.mail.host", () -> "localhost");
        properties.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        properties.add("earlyhelp.consent.portal-url", () -> PORTAL);
    }

    @BeforeAll
    static void listen() {
        consentEvents = EventProbe.on("consent.events");
    }

    @AfterAll
    static void stop() {
        consentEvents.close();
        MAIL.stop();
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
    void aCustodyHolderGivesPartOfTheConsentThroughTheirLinkAndWithdrawsItThroughTheReceipt() throws Exception {
        String intervention = publishIntervention("Powerkids Aarhus", "Ungdommens Røde Kors Aarhus");
        String child = UUID.randomUUID().toString();
        String referral = UUID.randomUUID().toString();
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, referral, intervention)), 201)
                .get("id").asText();
        String mother = "maria-" + UUID.randomUUID() + "@example.org";

        JsonNode invitation = Api.body(api.post("/api/consents/" + id + "/invitations", CASEWORKER,
                invite("CUSTODY_HOLDER", mother, null)), 201);

        assertThat(invitation.get("kind").asText()).isEqualTo("GIVE");
        assertThat(invitation.get("maskedEmail").asText()).isEqualTo("m***@example.org");
        assertThat(invitation.get("outcome").isNull()).isTrue();
        MimeMessage invitationMail = mailsTo(mother, 1).get(0);
        String token = tokenIn(invitationMail);
        assertThat(text(invitationMail)).contains("udløber", "én gang");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Api.body(
                api.get("/api/consent-links/" + token, null), 200).at("/consent/interventionName").asText())
                .as("the name from the NGO catalogue's event").isEqualTo("Powerkids Aarhus"));
        JsonNode link = Api.body(api.get("/api/consent-links/" + token, null), 200);
        assertThat(link.get("kind").asText()).isEqualTo("GIVE");
        assertThat(link.get("state").asText()).isEqualTo("OPEN");
        assertThat(link.get("language").asText()).isEqualTo("da");
        assertThat(link.at("/consent/ngoName").asText()).isEqualTo("Ungdommens Røde Kors Aarhus");
        assertThat(link.at("/consent/status").asText()).isEqualTo("DRAFT");
        assertThat(link.at("/consent/categories")).extracting(JsonNode::asText)
                .containsExactly("CONTACT", "CONCERNS", "CHILD_VIEW");

        JsonNode given = Api.body(api.post("/api/consent-links/" + token, null, answer("GIVE",
                "\"REFERRAL_AND_DELIVERY\", \"PROGRESS_TO_REFERRER\"", "\"CONTACT\", \"CONCERNS\"")), 200);

        assertThat(given.get("state").asText()).isEqualTo("USED");
        assertThat(given.get("outcome").asText()).isEqualTo("GIVEN");
        assertThat(given.at("/consent/status").asText()).as("the other custody holder has not consented")
                .isEqualTo("DRAFT");
        assertThat(decide(child, "CONTACT").get("permitted").asBoolean()).isFalse();
        HttpResponse<String> again = api.post("/api/consent-links/" + token, null, answer("REFUSE", null, null));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Contracts.parse(again.body()).get("type").asText()).endsWith("/link-used");
        MimeMessage receipt = mailsTo(mother, 2).get(1);
        String withdrawal = tokenIn(receipt);
        assertThat(withdrawal).isNotEqualTo(token);
        assertThat(receipt.getSubject()).contains("Kvittering", "Powerkids Aarhus");
        assertThat(text(receipt)).contains("Ungdommens Røde Kors Aarhus", "trække dit samtykke tilbage");

        String father = "frederik-" + UUID.randomUUID() + "@example.org";
        Api.body(api.post("/api/consents/" + id + "/invitations", CASEWORKER, invite("CUSTODY_HOLDER", father, "en")),
                201);
        MimeMessage inEnglish = mailsTo(father, 1).get(0);
        assertThat(inEnglish.getSubject()).contains("Your consent", "Powerkids Aarhus");
        assertThat(text(inEnglish)).contains("Ungdommens Røde Kors Aarhus", "expires on");
        JsonNode active = Api.body(api.post("/api/consent-links/" + tokenIn(inEnglish), null, answer("GIVE",
                "\"REFERRAL_AND_DELIVERY\", \"PROGRESS_TO_REFERRER\"", "\"CONTACT\", \"CONCERNS\", \"CHILD_VIEW\"")),
                200);

        assertThat(active.at("/consent/status").asText()).isEqualTo("ACTIVE");
        assertThat(active.at("/consent/categories")).extracting(JsonNode::asText).containsExactly("CONTACT", "CONCERNS");
        assertThat(decide(child, "CONTACT,CONCERNS").get("permitted").asBoolean()).isTrue();
        JsonNode reduced = decide(child, "CONTACT,CHILD_VIEW");
        assertThat(reduced.get("permitted").asBoolean()).as("the mother left the child's view out").isFalse();
        assertThat(reduced.get("permittedCategories")).extracting(JsonNode::asText).containsExactly("CONTACT");
        JsonNode granted = event(child, "consent.granted.v1");
        assertThat(granted.get("categories")).extracting(JsonNode::asText).containsExactly("CONCERNS", "CONTACT");
        assertThat(granted.get("referralId").asText()).isEqualTo(referral);
        assertThat(granted.get("interventionCode").asText()).isEqualTo(intervention);

        mailsTo(father, 2);
        JsonNode staffView = Api.body(api.get("/api/consents/" + id, CASEWORKER), 200);
        assertThat(staffView.get("invitations")).extracting(i -> i.get("kind").asText() + ":" + i.get("outcome").asText())
                .containsExactlyInAnyOrder("GIVE:GIVEN", "GIVE:GIVEN", "WITHDRAW:null", "WITHDRAW:null");
        assertThat(staffView.get("grantors")).extracting(g -> g.get("collectedBy").asText())
                .containsOnly("personal-link");
        assertThat(staffView.toString()).doesNotContain(mother, father);
        assertThat(storedAddresses(id)).as("addresses are forgotten once the receipts are out").isEmpty();

        JsonNode withdrawn = Api.body(api.post("/api/consent-links/" + withdrawal + "/withdraw", null, ""), 200);

        assertThat(withdrawn.get("outcome").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.at("/consent/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(decide(child, "CONTACT").get("permitted").asBoolean()).as("at once").isFalse();
        JsonNode ended = event(child, "consent.withdrawn.v1");
        assertThat(ended.get("wasActive").asBoolean()).isTrue();
        assertThat(ended.get("refused").asBoolean()).isFalse();
        assertThat(api.post("/api/consent-links/" + withdrawal + "/withdraw", null, "").statusCode()).isEqualTo(409);
        assertThat(audit.about(child)).filteredOn(record -> record.actor().startsWith("personal-link:"))
                .extracting(AuditRecord::action).contains("READ", "UPDATE");
    }

    @Test
    void refusingThroughTheLinkEndsTheDraftAndTellsEveryService() throws Exception {
        String child = UUID.randomUUID().toString();
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, UUID.randomUUID().toString(),
                "UNKNOWN_OFFER").replace("URK_AAR", "NGO_NOT_IN_CATALOGUE")), 201).get("id").asText();
        String mother = "mette-" + UUID.randomUUID() + "@example.org";
        Api.body(api.post("/api/consents/" + id + "/invitations", CASEWORKER, invite("CUSTODY_HOLDER", mother, null)), 201);
        String token = tokenIn(mailsTo(mother, 1).get(0));
        JsonNode link = Api.body(api.get("/api/consent-links/" + token, null), 200);
        assertThat(link.at("/consent/interventionName").asText()).as("unknown to the catalogue: its code")
                .isEqualTo("UNKNOWN_OFFER");
        assertThat(link.at("/consent/ngoName").asText()).isEqualTo("NGO_NOT_IN_CATALOGUE");

        HttpResponse<String> withdrawInstead = api.post("/api/consent-links/" + token + "/withdraw", null, "");
        JsonNode refused = Api.body(api.post("/api/consent-links/" + token, null, answer("REFUSE", null, null)), 200);

        assertThat(withdrawInstead.statusCode()).isEqualTo(409);
        assertThat(Contracts.parse(withdrawInstead.body()).get("type").asText()).endsWith("/wrong-link");
        assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.at("/consent/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(Api.body(api.get("/api/consents/" + id, CASEWORKER), 200).get("refused").asBoolean()).isTrue();
        JsonNode ended = event(child, "consent.withdrawn.v1");
        assertThat(ended.get("refused").asBoolean()).isTrue();
        assertThat(ended.get("wasActive").asBoolean()).isFalse();
        assertThat(storedAddresses(id)).isEmpty();
        assertThat(mailsTo(mother, 1)).as("no receipt for a refusal").hasSize(1);
        HttpResponse<String> notADraft = api.post("/api/consents/" + id + "/invitations", CASEWORKER,
                invite("CUSTODY_HOLDER", "other@example.org", null));
        assertThat(notADraft.statusCode()).isEqualTo(409);
    }

    @Test
    void tickingWhatTheConsentDoesNotNameIsRejectedAndUntickingTheReferralIsARefusal() throws Exception {
        String child = UUID.randomUUID().toString();
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, UUID.randomUUID().toString(),
                "POWERKIDS")), 201).get("id").asText();
        String youngPerson = "ung-" + UUID.randomUUID() + "@example.org";
        Api.body(api.post("/api/consents/" + id + "/invitations", CASEWORKER, invite("YOUNG_PERSON", youngPerson, null)),
                201);
        MimeMessage mail = mailsTo(youngPerson, 1).get(0);
        assertThat(text(mail)).contains("til dig");
        String token = tokenIn(mail);

        HttpResponse<String> cpr = api.post("/api/consent-links/" + token, null,
                answer("GIVE", "\"REFERRAL_AND_DELIVERY\"", "\"CONTACT\", \"CPR\""));
        HttpResponse<String> unknownField = api.post("/api/consent-links/" + token, null,
                "{\"decision\": \"GIVE\", \"purposes\": [], \"categories\": [], \"name\": \"Alma\"}");
        HttpResponse<String> noTicks = api.post("/api/consent-links/" + token, null, "{\"decision\": \"GIVE\"}");

        assertThat(cpr.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(cpr.body()).at("/errors/0/field").asText()).isEqualTo("categories");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(noTicks.statusCode()).isEqualTo(400);
        assertThat(Api.body(api.get("/api/consent-links/" + token, null), 200).get("state").asText())
                .as("a rejected answer does not use the link").isEqualTo("OPEN");

        JsonNode answered = Api.body(api.post("/api/consent-links/" + token, null,
                answer("GIVE", "\"PROGRESS_TO_REFERRER\"", "\"CONTACT\"")), 200);

        assertThat(answered.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(answered.get("role").asText()).isEqualTo("YOUNG_PERSON");
        assertThat(answered.at("/consent/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(event(child, "consent.withdrawn.v1").get("refused").asBoolean()).isTrue();
    }

    @Test
    void fromThe15thBirthdayTheYoungPersonGivesTheirOwnConsentToTheActiveConsentThroughALink() throws Exception {
        String child = UUID.randomUUID().toString();
        LocalDate fifteenth = Consent.dayOf(clock.instant()).plusDays(2);
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, UUID.randomUUID().toString(),
                "POWERKIDS").replace("{", "{\"childBirthDate\": \"" + fifteenth.minusYears(15)
                + "\", \"custodyHoldersRequired\": 1, ")), 201).get("id").asText();
        Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER,
                "{\"role\": \"CUSTODY_HOLDER\", \"method\": \"SIGNED_PAPER\"}"), 200);
        assertThat(decide(child, "CONTACT").get("permitted").asBoolean()).as("at 14").isTrue();

        clock.advance(Duration.between(clock.instant(), fifteenth.atStartOfDay(Consent.ZONE).toInstant()));
        assertThat(decide(child, "CONTACT").get("permitted").asBoolean()).as("at 15, without their consent").isFalse();
        String youngPerson = "ung-" + UUID.randomUUID() + "@example.org";
        Api.body(api.post("/api/consents/" + id + "/invitations", CASEWORKER, invite("YOUNG_PERSON", youngPerson, null)),
                201);
        String token = tokenIn(mailsTo(youngPerson, 1).get(0));

        JsonNode given = Api.body(api.post("/api/consent-links/" + token, null, answer("GIVE",
                "\"REFERRAL_AND_DELIVERY\"", "\"CONTACT\", \"CONCERNS\"")), 200);

        assertThat(given.get("outcome").asText()).isEqualTo("GIVEN");
        assertThat(given.at("/consent/status").asText()).isEqualTo("ACTIVE");
        assertThat(decide(child, "CONTACT,CONCERNS").get("permitted").asBoolean()).isTrue();
        assertThat(decide(child, "CHILD_VIEW").get("permitted").asBoolean()).as("the young person left it out").isFalse();
        JsonNode staffView = Api.body(api.get("/api/consents/" + id, CASEWORKER), 200);
        assertThat(staffView.get("ageRuleNote").isNull()).isTrue();
        assertThat(staffView.get("grantors")).extracting(g -> g.get("role").asText())
                .containsExactly("CUSTODY_HOLDER", "YOUNG_PERSON");
        assertThat(tokenIn(mailsTo(youngPerson, 2).get(1))).as("a receipt with a link to withdraw").isNotEqualTo(token);
    }

    @Test
    void anExpiredLinkIsGone() throws Exception {
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), "POWERKIDS")), 201).get("id").asText();
        String mother = "maja-" + UUID.randomUUID() + "@example.org";
        JsonNode invitation = Api.body(api.post("/api/consents/" + id + "/invitations", CASEWORKER,
                invite("CUSTODY_HOLDER", mother, null)), 201);
        String token = tokenIn(mailsTo(mother, 1).get(0));
        assertThat(Instant.parse(invitation.get("expiresAt").asText()))
                .isBetween(clock.instant().plus(Duration.ofDays(14)).minusSeconds(60), clock.instant().plus(Duration.ofDays(14)));

        clock.advance(Duration.ofDays(15));

        assertThat(Api.body(api.get("/api/consent-links/" + token, null), 200).get("state").asText()).isEqualTo("EXPIRED");
        HttpResponse<String> late = api.post("/api/consent-links/" + token, null,
                answer("GIVE", "\"REFERRAL_AND_DELIVERY\"", "\"CONTACT\""));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(Contracts.parse(late.body()).get("type").asText()).endsWith("/link-expired");
        assertThat(Api.body(api.get("/api/consents/" + id, CASEWORKER), 200).get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void anUnknownOrMalformedLinkIsNotFoundWithoutAnAccount() throws Exception {
        String unknown = LinkToken.create();
        for (String token : List.of(unknown, "abc", "%20", "a".repeat(500), unknown + "=", "%E2%82%AC")) {
            HttpResponse<String> read = api.get("/api/consent-links/" + token, null);
            assertThat(read.statusCode()).as(token).isIn(400, 404);
            assertThat(read.headers().firstValue("Content-Type")).as(token).hasValueSatisfying(type ->
                    assertThat(type).contains("json"));
        }
        assertThat(api.get("/api/consent-links/" + unknown, null).statusCode()).isEqualTo(404);
        assertThat(api.post("/api/consent-links/" + unknown, null, answer("REFUSE", null, null)).statusCode())
                .isEqualTo(404);
        assertThat(api.post("/api/consent-links/" + unknown + "/withdraw", null, "").statusCode()).isEqualTo(404);
        assertThat(api.post("/api/consents/" + UUID.randomUUID() + "/invitations", null,
                invite("CUSTODY_HOLDER", "a@example.org", null)).statusCode()).as("staff's side needs a token")
                .isEqualTo(401);
    }

    @Test
    void theHolderOfTheWithdrawalLinkGetsTheAccessReportAlsoAfterWithdrawingButNotWithTheLinkToGive()
            throws Exception {
        String intervention = publishIntervention("Powerkids Aarhus", "Ungdommens Røde Kors Aarhus");
        String child = UUID.randomUUID().toString();
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, UUID.randomUUID().toString(),
                intervention).replace("\"validFrom\"", "\"custodyHoldersRequired\": 1, \"validFrom\"")), 201)
                .get("id").asText();
        String mother = "maria-" + UUID.randomUUID() + "@example.org";
        Api.body(api.post("/api/consents/" + id + "/invitations", CASEWORKER, invite("CUSTODY_HOLDER", mother, null)),
                201);
        String token = tokenIn(mailsTo(mother, 1).get(0));
        Api.body(api.get("/api/consent-links/" + token, null), 200);
        Api.body(api.post("/api/consent-links/" + token, null, answer("GIVE", "\"REFERRAL_AND_DELIVERY\"",
                "\"CONTACT\", \"CONCERNS\"")), 200);
        String withdrawal = tokenIn(mailsTo(mother, 2).get(1));
        // Staff read the consent (exported as FHIR): a read about the child, in the report with their role.
        assertThat(api.get("/api/consents/" + id + "/fhir", CASEWORKER).statusCode()).isEqualTo(200);
        Api.body(api.post("/api/consent-links/" + withdrawal + "/withdraw", null, ""), 200);

        JsonNode report = await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(
                api.get("/api/consent-links/" + withdrawal + "/access-report", null), 200),
                body -> body.toString().contains("consent-fhir") && body.toString().contains("CUSTODY_HOLDER"));
        assertThat(report.get("childId").asText()).isEqualTo(child);
        assertThat(report.get("lines")).extracting(line -> line.get("organisation").asText(),
                line -> line.get("role").asText(), line -> line.get("resourceType").asText())
                .contains(tuple("0751", "CUSTODY_HOLDER", "consent"), tuple("0751", "TEACHER", "consent-fhir"));
        assertThat(report.toString()).doesNotContain("caseworker-aarhus", "personal-link:");
        assertThat(audit.about(child)).filteredOn(record -> record.resourceType().equals("access-report"))
                .extracting(AuditRecord::action).contains("READ");

        HttpResponse<String> withLinkToGive = api.get("/api/consent-links/" + token + "/access-report", null);
        assertThat(withLinkToGive.statusCode()).isEqualTo(404);
        assertThat(withLinkToGive.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(api.get("/api/consent-links/" + "x".repeat(43) + "/access-report", null).statusCode())
                .isIn(400, 404);
    }

    @Test
    void parentsOfAChildTheNgoRegisteredGetALinkFromTheCoordinatorThatSaysTheySoughtTheOfferAndAWithdrawalLink()
            throws Exception {
        String child = UUID.randomUUID().toString();
        String received = Contracts.example("ngo-service", "ngo.referral-received.v1")
                .replace("8c1e4a07-5b2d-4f3e-9a61-0d7c2b9e4f15", child).replace("\"URK_AAR\"", "\"SIND_PR\"")
                .replace("\"POWERKIDS\"", "\"CYKELHJELM\"").replace("MUNICIPAL_REFERRAL", "PARENT_CONTACT");
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-received.v1", received);
        EventProbe.publishEvent("ngo.events", "ngo.referral-received.v1", UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), received);
        await().atMost(Duration.ofSeconds(30)).until(() -> registered.ofChild(child).isPresent());
        String sind = TestTokens.ngoCoordinator("coordinator-cykelhjelm", "SIND_PR");
        String id = Api.body(api.post("/api/consents", sind, """
                {"childId": "%s", "grantees": ["SIND_PR"], "purposes": ["PROGRESS_TO_REFERRER", "OUTCOME_MEASUREMENT"],
                 "categories": ["CONCERNS", "WELLBEING_SCORES"], "validFrom": "%s", "validUntil": "%s",
                 "custodyHoldersRequired": 1, "textVersion": "da-2026-1"}
                """.formatted(child, LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).plusMonths(6))),
                201).get("id").asText();
        String mother = "sanne-" + UUID.randomUUID() + "@example.org";

        Api.body(api.post("/api/consents/" + id + "/invitations", sind, invite("CUSTODY_HOLDER", mother, null)), 201);

        MimeMessage invitation = mailsTo(mother, 1).get(0);
        assertThat(text(invitation)).contains("Du har selv søgt hjælp").doesNotContain("Kommunen har foreslået");
        String token = tokenIn(invitation);
        assertThat(Api.body(api.get("/api/consent-links/" + token, null), 200).at("/consent/registeredByNgo")
                .asBoolean()).isTrue();
        JsonNode given = Api.body(api.post("/api/consent-links/" + token, null, answer("GIVE",
                "\"OUTCOME_MEASUREMENT\"", "\"WELLBEING_SCORES\"")), 200);
        assertThat(given.at("/consent/status").asText()).as("measurement only").isEqualTo("ACTIVE");
        assertThat(Api.body(api.get("/api/consents/registered-children", CASEWORKER), 200).toString())
                .as("the mother did not let SIND tell the municipality").doesNotContain(child);

        String withdrawal = tokenIn(mailsTo(mother, 2).get(1));
        Api.body(api.post("/api/consent-links/" + withdrawal + "/withdraw", null, ""), 200);
        assertThat(Api.body(api.get("/api/consents/" + id, sind), 200).get("status").asText()).isEqualTo("WITHDRAWN");
    }

    private String publishIntervention(String name, String ngoName) {
        String code = "OFFER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String example = Contracts.example("ngo-service", "ngo.intervention-published.v1");
        String data = example.replace("\"POWERKIDS\"", "\"" + code + "\"").replace("\"Powerkids\"", "\"" + name + "\"")
                .replace("\"Ungdommens Røde Kors Aarhus\"", "\"" + ngoName + "\"");
        Contracts.assertMatchesSchema("ngo-service", "ngo.intervention-published.v1", data);
        EventProbe.publishEvent("ngo.events", "ngo.intervention-published.v1", UUID.randomUUID().toString(), code, data);
        return code;
    }

    private JsonNode decide(String child, String categories) throws Exception {
        return Api.body(api.get("/api/consents/decision?childId=" + child + "&purpose=REFERRAL_AND_DELIVERY&categories="
                + categories, POWERKIDS), 200);
    }

    private JsonNode event(String child, String type) {
        ConsumerRecord<byte[], byte[]> record = consentEvents.await(r -> child.equals(new String(r.key()))
                && type.equals(EventProbe.header(r, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("consent-service", type, EventProbe.value(record));
        return Contracts.parse(EventProbe.value(record));
    }

    /** The plain addresses still stored with the consent's links. */
    private List<String> storedAddresses(String consentId) {
        Document stored = mongo.getCollection("consents").find(new Document("_id", consentId)).first();
        return stored.getList("invitations", Document.class).stream().map(i -> i.getString("email"))
                .filter(email -> email != null).toList();
    }

    private static List<MimeMessage> mailsTo(String address, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(mail -> sentTo(mail, address)).toList(), mails -> mails.size() >= count);
    }

    private static boolean sentTo(MimeMessage mail, String address) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
        } catch (Exception e) {
            return false;
        }
    }

    private static String text(MimeMessage mail) throws Exception {
        return (String) mail.getContent();
    }

    private static String tokenIn(MimeMessage mail) throws Exception {
        Matcher link = LINK.matcher(text(mail));
        assertThat(link.find()).as("a personal link in the mail").isTrue();
        return link.group(1);
    }

    static String consent(String childId, String referralId, String interventionCode) {
        return """
                {"childId": "%s", "referralId": "%s", "grantees": ["URK_AAR"], "interventionCode": "%s",
                 "purposes": ["REFERRAL_AND_DELIVERY", "PROGRESS_TO_REFERRER"],
                 "categories": ["CONTACT", "CONCERNS", "CHILD_VIEW"],
                 "validFrom": "%s", "validUntil": "%s", "textVersion": "da-2026-1"}
                """.formatted(childId, referralId, interventionCode, LocalDate.now(ZoneOffset.UTC),
                LocalDate.now(ZoneOffset.UTC).plusMonths(6));
    }

    static String invite(String role, String email, String language) {
        return "{\"role\": \"" + role + "\", \"email\": \"" + email + "\""
                + (language == null ? "" : ", \"language\": \"" + language + "\"") + "}";
    }

    static String answer(String decision, String purposes, String categories) {
        return "{\"decision\": \"" + decision + "\""
                + (purposes == null ? "" : ", \"purposes\": [" + purposes + "]")
                + (categories == null ? "" : ", \"categories\": [" + categories + "]") + "}";
    }
}
