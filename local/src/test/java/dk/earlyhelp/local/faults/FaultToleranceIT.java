package dk.earlyhelp.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Breaks the real broker, the real store and the services on purpose and checks that no referral
 * is lost, none is applied twice and nothing is shared without a consent decision (issue 7).
 * Runs first, on its own broker, stores and service processes ({@link FaultSystem}), before the
 * whole-system tests start theirs.
 */
@Order(0)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    static final String SUBMITTED = "referral.submitted.v1";
    static final String RECEIVED = "ngo.referral-received.v1";
    static FaultSystem system;
    static String teacher;
    static String coordinator;
    static String admin;

    @BeforeAll
    static void start() {
        system = new FaultSystem();
        system.start();
        teacher = system.tokens.teacher();
        coordinator = system.tokens.powerkidsCoordinator();
        admin = system.tokens.administrator();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void redeliveredEventsChangeNothing() throws Exception {
        Child child = new Child("Ida", "Gentaget", "2015-05-05");
        consentedReferral(child);
        submit(child);
        submit(child);
        system.awaitQuiet();
        Map<String, String> before = system.snapshot();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        List<ProducerRecord<byte[], byte[]>> again = new ArrayList<>();
        for (String topic : List.of(FaultSystem.REFERRAL_EVENTS, FaultSystem.CONSENT_EVENTS, FaultSystem.NGO_EVENTS)) {
            List<ConsumerRecord<byte[], byte[]>> records = system.records(topic);
            sizes.put(topic, records.size());
            records.forEach(r -> again.add(new ProducerRecord<>(topic, r.partition(), r.key(), r.value(), r.headers())));
        }
        assertThat(again).as("a batch of processed events").hasSizeGreaterThan(10);

        system.produce(again);

        system.awaitQuiet();
        assertThat(system.snapshot()).as("every document of the three services").isEqualTo(before);
        sizes.forEach((topic, size) -> assertThat(system.records(topic)).as("nothing new published on " + topic)
                .hasSize(size * 2));
    }

    @Test
    @Order(2)
    void poisonMessageGoesToTheDeadLetterTopicAndTheMessagesAfterItAreProcessed() throws Exception {
        ObjectNode example = (ObjectNode) Http.JSON.readTree(Files.readString(system.projectDir
                .resolve("referral-service/contracts/events/referral.submitted.v1.example.json")));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Set<String> poisonIds = new HashSet<>();
        Set<String> followers = new HashSet<>();
        // On every partition: a message no consumer can read, then a good one behind it.
        int partitions = system.partitionCount(FaultSystem.REFERRAL_EVENTS);
        for (int partition = 0; partition < partitions; partition++) {
            String poisonId = "poison-" + UUID.randomUUID();
            poisonIds.add(poisonId);
            records.add(event(partition, "poison-" + partition, poisonId, "{\"referralId\": \"cut off"));
            String referralId = UUID.randomUUID().toString();
            followers.add(referralId);
            example.put("referralId", referralId).put("childId", UUID.randomUUID().toString())
                    .put("occurredAt", Instant.now().toString());
            records.add(event(partition, referralId, UUID.randomUUID().toString(), example.toString()));
        }

        system.produce(records);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(inboxIds()).as("the messages after the poison").containsAll(followers));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode letters = Http.json(Http.get(system.ngoUrl() + "/api/ngo/dead-letters", admin));
            List<JsonNode> ours = new ArrayList<>();
            letters.forEach(letter -> {
                if (poisonIds.contains(letter.path("eventId").asText())) {
                    ours.add(letter);
                }
            });
            assertThat(ours).as("each poison message on ngo-service.dlq").hasSize(partitions);
            assertThat(ours).allSatisfy(letter -> {
                assertThat(letter.path("topic").asText()).isEqualTo("ngo-service.dlq");
                assertThat(letter.path("originalTopic").asText()).isEqualTo(FaultSystem.REFERRAL_EVENTS);
                assertThat(letter.path("type").asText()).isEqualTo(SUBMITTED);
                assertThat(letter.path("failure").asText()).isNotEqualTo("unknown");
            });
        });
        // And the system goes on as before.
        JsonNode shared = consentedReferral(new Child("Bo", "Efterfulgt", "2014-02-02"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxIds().contains(shared.get("id").asText()));
    }

    @Test
    @Order(3)
    void withTheConsentServiceDownNothingIsSharedAndWaitingReferralsGoOnWhenItIsBack() throws Exception {
        Child child = new Child("Alma", "Uafklaret", "2015-03-14");
        JsonNode shared = consentedReferral(child);
        String sharedId = shared.get("id").asText();
        assertThat(forNgo(sharedId).has("childFirstName")).as("shared while the consent service answers").isTrue();

        system.consents.kill();

        long began = System.nanoTime();
        JsonNode waiting = submit(child);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("no long wait").isLessThan(Duration.ofSeconds(5));
        String waitingId = waiting.get("id").asText();
        assertThat(waiting.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(waiting.get("consentState").asText()).as("no answer is no: held").isEqualTo("AWAITING");
        JsonNode newChild = submit(new Child("Carl", "Uafklaret", "2014-09-09"));
        assertThat(newChild.get("consentState").asText()).isEqualTo("AWAITING");
        // Nothing about them can leave the service: no event waits to be published for them.
        for (String id : List.of(waitingId, newChild.get("id").asText())) {
            Document stored = system.referralsDb().getCollection("referrals").find(new Document("_id", id)).first();
            assertThat(stored.getList("pendingEvents", Document.class, List.of()))
                    .noneMatch(event -> SUBMITTED.equals(event.getString("type")));
        }
        JsonNode withheld = forNgo(sharedId);
        assertThat(withheld.has("childFirstName")).as("the NGO's read of a shared referral").isFalse();
        assertThat(withheld.has("concerns")).isFalse();
        assertThat(withheld.path("withheldBecause").asText()).isEqualTo("CONSENT_SERVICE_UNAVAILABLE");

        system.consents.start(system.projectDir, system.logs());
        system.awaitReady(system.consents);

        // Each held referral left its question on the broker (referral.awaiting-consent.v1); the consent
        // service answers it now, and Alma's referral goes to the NGO by itself: her consent was given before.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Http.json(Http.get(
                system.referralUrl() + "/api/referrals/" + waitingId, teacher)).get("consentState").asText(),
                "GIVEN"::equals);
        assertThat(Http.json(Http.get(system.referralUrl() + "/api/referrals/" + newChild.get("id").asText(), teacher))
                .get("consentState").asText()).as("no consent for Carl yet").isEqualTo("AWAITING");
        // The new child's custody holder consents now, and the referral waiting for it goes on by itself.
        recordConsent(newChild);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(inboxIds()).contains(waitingId, newChild.get("id").asText()));
        assertThat(forNgo(sharedId).path("childFirstName").asText()).isEqualTo("Alma");
    }

    @Test
    @Order(4)
    void aServiceKilledBetweenItsStoreWriteAndThePublishDeliversTheEventOnceAfterItsRestart() throws Exception {
        Child child = new Child("Karla", "Afbrudt", "2015-07-07");
        consentedReferral(child);
        system.awaitQuiet();
        FaultSystem.stop(system.referrals);
        system.startReferrals(system.referralService("--earlyhelp.outbox.fault-halt=BEFORE_PUBLISH"));
        String id = Http.post(system.referralUrl() + "/api/referrals/drafts", teacher, child.referral(), 201)
                .get("id").asText();

        // The submission is written with its event; the relay halts the JVM before it sends the event.
        try {
            Http.post(system.referralUrl() + "/api/referrals/" + id + "/submit", teacher, "{\"confirmDuplicate\": true}");
        } catch (IOException crashedBeforeAnswering) {
            // The halt may come before the answer.
        }
        awaitHalted();
        List<Document> pending = pendingEvents(id);
        assertThat(pending).extracting(event -> event.getString("type")).containsExactly(SUBMITTED);
        String eventId = pending.get(0).getString("eventId");
        assertThat(withEventId(eventId)).as("nothing reached the broker").isEmpty();

        // Restarted, it publishes the event and halts again before removing it from the document.
        system.referrals = system.referralService("--earlyhelp.outbox.fault-halt=AFTER_PUBLISH");
        system.referrals.start(system.projectDir, system.logs());
        awaitHalted();
        assertThat(withEventId(eventId)).as("acknowledged by the broker").hasSize(1);
        assertThat(pendingEvents(id)).as("but still in the outbox").hasSize(1);

        // Restarted without faults: it publishes the event again, with the same id; the NGO applies it once.
        system.startReferrals(system.referralService());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> pendingEvents(id).isEmpty() && inboxIds().contains(id));
        system.awaitQuiet();
        assertThat(withEventId(eventId)).as("at least once on the wire").hasSize(2);
        Document received = system.ngoDb().getCollection("inbox").find(new Document("_id", id)).first();
        assertThat(received.getList("appliedEvents", String.class)).containsExactly(eventId);
        assertThat(system.records(FaultSystem.NGO_EVENTS, RECEIVED, id)).as("the NGO's effect, once").hasSize(1);
    }

    @Test
    @Order(5)
    void withItsStoreCutOffFor30SecondsAServiceAnswers503AndRecoversByItself() throws Exception {
        Child child = new Child("Sofie", "Lagerløs", "2015-08-08");
        String earlier = consentedReferral(child).get("id").asText();
        system.awaitQuiet();
        long stored = system.referralsDb().getCollection("referrals").countDocuments();
        Instant gone = Instant.now();

        system.referralStoreLink.cut();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                Http.get(system.referralUrl() + "/actuator/health", null).statusCode() == 503);
        JsonNode health = Http.json(Http.get(system.referralUrl() + "/actuator/health", null));
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/mongo/status").asText()).isEqualTo("DOWN");
        HttpResponse<String> refused = Http.post(system.referralUrl() + "/api/referrals", teacher, child.referral());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(Http.json(refused).path("status").asInt()).isEqualTo(503);
        assertThat(Http.get(system.referralUrl() + "/api/referrals/" + earlier, teacher).statusCode()).isEqualTo(503);
        assertThat(Http.get(system.ngoUrl() + "/actuator/health", null).statusCode()).as("the others go on").isEqualTo(200);
        // Away for 30 s in all; every attempt meanwhile answers 503.
        Duration left = Duration.ofSeconds(30).minus(Duration.between(gone, Instant.now()));
        if (!left.isNegative()) {
            await().during(left).atMost(left.plusSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Http.post(system.referralUrl() + "/api/referrals", teacher, child.referral()).statusCode() == 503);
        }

        system.referralStoreLink.restore();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                Http.get(system.referralUrl() + "/actuator/health", null).statusCode() == 200);
        JsonNode after = submit(child);
        assertThat(after.get("consentState").asText()).isEqualTo("GIVEN");
        assertThat(system.referralsDb().getCollection("referrals").countDocuments())
                .as("the refused requests left nothing behind").isEqualTo(stored + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxIds().contains(after.get("id").asText()));
    }

    @Test
    @Order(6)
    void everyReferralAcceptedWhileTheBrokerStopsAndStartsReachesTheNgoExactlyOnce() throws Exception {
        int total = 2000;
        List<Child> children = List.of(new Child("Liv", "Mange", "2015-01-11"), new Child("Noah", "Mange", "2014-02-12"),
                new Child("Ella", "Mange", "2015-03-13"), new Child("Oscar", "Mange", "2014-04-14"));
        for (Child child : children) {
            consentedReferral(child);
        }
        system.awaitQuiet();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long began = System.nanoTime();
        List<Future<?>> submissions = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Child child = children.get(i % children.size());
            submissions.add(clients.submit(() -> {
                accepted.add(submit(child).get("id").asText());
                return null;
            }));
        }

        // The broker goes away after a quarter of the referrals and comes back after half of them.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> accepted.size() >= total / 4);
        system.broker.stop();
        int whileStopped = accepted.size();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> accepted.size() >= total / 2);
        system.broker.start(system.dataDir.resolve("kafka"), system.kafkaPort());
        int restartedAt = accepted.size();
        for (Future<?> submission : submissions) {
            submission.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        long submittedIn = Duration.ofNanos(System.nanoTime() - began).toSeconds();

        assertThat(accepted).as("every submission accepted, broker or not").hasSize(total).doesNotHaveDuplicates();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> inboxIds().containsAll(accepted));
        system.awaitQuiet();
        long deliveredIn = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        Map<String, List<String>> applied = new HashMap<>();
        system.ngoDb().getCollection("inbox").find(new Document("_id", new Document("$in", accepted)))
                .forEach(document -> applied.put(document.getString("_id"),
                        document.getList("appliedEvents", String.class)));
        assertThat(applied).as("0 lost").hasSize(total);
        assertThat(applied.values()).as("each applied once").allSatisfy(events -> assertThat(events).hasSize(1));
        Map<String, Long> received = system.records(FaultSystem.NGO_EVENTS).stream()
                .filter(record -> RECEIVED.equals(FaultSystem.header(record, "ce_type")))
                .map(record -> new String(record.key(), StandardCharsets.UTF_8))
                .filter(Set.copyOf(accepted)::contains)
                .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
        assertThat(received).as("the NGO's receipt published once per referral").hasSize(total)
                .allSatisfy((referral, count) -> assertThat(count).isEqualTo(1L));
        long onTheWire = system.records(FaultSystem.REFERRAL_EVENTS).stream()
                .filter(record -> SUBMITTED.equals(FaultSystem.header(record, "ce_type"))).count();
        System.out.printf("Broker fault: %d referrals (broker stopped at %d, started at %d) submitted in %d s, "
                + "all in the NGO's inbox after %d s; %d referral.submitted records on the topic%n", total,
                whileStopped, restartedAt, submittedIn, deliveredIn, onTheWire);
    }

    private static void awaitHalted() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> !system.referrals.isAlive());
        assertThat(system.referrals.exitCode()).as("halted by the fault injection; see " + system.referrals.logFile())
                .isEqualTo(86);
    }

    private static List<Document> pendingEvents(String referralId) {
        Document stored = system.referralsDb().getCollection("referrals").find(new Document("_id", referralId)).first();
        return stored.getList("pendingEvents", Document.class, List.of());
    }

    private static List<ConsumerRecord<byte[], byte[]>> withEventId(String eventId) {
        return system.records(FaultSystem.REFERRAL_EVENTS).stream()
                .filter(record -> eventId.equals(FaultSystem.header(record, "ce_id"))).toList();
    }

    private static ProducerRecord<byte[], byte[]> event(int partition, String key, String eventId, String json) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(FaultSystem.REFERRAL_EVENTS, partition,
                key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("ce_id", eventId, "ce_type", SUBMITTED, "ce_source", "/fault-tests",
                "ce_specversion", "1.0", "ce_time", Instant.now().toString(), "ce_subject", key,
                "content-type", "application/json");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        record.headers().add("spring_json_header_types", headers.keySet().stream()
                .map(name -> "\"" + name + "\":\"java.lang.String\"").collect(Collectors.joining(",", "{", "}"))
                .getBytes(StandardCharsets.UTF_8));
        return record;
    }

    // ---- the referrer's and the NGO's side, through the services' APIs ----

    /** A synthetic child of Aarhus, referred to Powerkids. */
    record Child(String firstName, String lastName, String birthDate) {

        String referral() {
            return """
                    {"child": {"firstName": "%s", "lastName": "%s", "birthDate": "%s", "gender": "GIRL"},
                     "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                     "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"],
                     "childView": {"whatIsHard": "Mor og far skændes", "wishes": "At nogen lytter"},
                     "confirmDuplicate": true}
                    """.formatted(firstName, lastName, birthDate);
        }
    }

    static JsonNode submit(Child child) throws Exception {
        return Http.post(system.referralUrl() + "/api/referrals", teacher, child.referral(), 201);
    }

    /** Submits a referral and records the custody holder's consent on paper; returns it once shared. */
    static JsonNode consentedReferral(Child child) throws Exception {
        JsonNode referral = submit(child);
        String id = referral.get("id").asText();
        recordConsent(referral);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> Http.json(
                Http.get(system.referralUrl() + "/api/referrals/" + id, teacher)).path("consentState").asText()
                .equals("GIVEN"));
        return referral;
    }

    static void recordConsent(JsonNode referral) throws Exception {
        String body = """
                {"childId": "%s", "referralId": "%s", "grantees": ["URK_AAR"], "interventionCode": "POWERKIDS",
                 "purposes": ["REFERRAL_AND_DELIVERY", "PROGRESS_TO_REFERRER"], "categories": ["CONCERNS", "CHILD_VIEW", "CONTACT"],
                 "validFrom": "%s", "validUntil": "%s", "custodyHoldersRequired": 1, "textVersion": "EH-SAMTYKKE-2026-11"}"""
                .formatted(referral.at("/child/id").asText(), referral.get("id").asText(), LocalDate.now(),
                        LocalDate.now().plusMonths(6));
        String consentId = Http.post(system.consentUrl() + "/api/consents", teacher, body, 201).get("id").asText();
        Http.post(system.consentUrl() + "/api/consents/" + consentId + "/grantors", teacher,
                "{\"role\": \"CUSTODY_HOLDER\", \"method\": \"SIGNED_PAPER\"}", 200);
    }

    /** What the NGO's coordinator reads of a referral (referral-service asks the consent service). */
    static JsonNode forNgo(String referralId) throws Exception {
        HttpResponse<String> response = Http.get(system.referralUrl() + "/api/referrals/" + referralId + "/for-ngo",
                coordinator);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** The referral ids in ngo-service's inbox, read from its store. */
    static Set<String> inboxIds() {
        Set<String> ids = new HashSet<>();
        system.ngoDb().getCollection("inbox").find().projection(new Document("_id", 1))
                .forEach(document -> ids.add(document.get("_id").toString()));
        return ids;
    }
}
