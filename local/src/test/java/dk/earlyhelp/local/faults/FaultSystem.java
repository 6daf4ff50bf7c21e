package dk.earlyhelp.local.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import dk.earlyhelp.local.FreePorts;
import dk.earlyhelp.local.ServiceProcess;
import dk.earlyhelp.local.infrastructure.DocumentStore;
import dk.earlyhelp.local.infrastructure.KafkaBroker;

/**
 * The part of the system the fault tests break, started in this test JVM so a test holds the
 * handles: the real Kafka broker (stop, start on the same data), the MongoDB-wire store (in memory;
 * referral-service reaches it through a {@link StoreProxy}, so the store can be taken away from that
 * one service) and the three services as child processes from their runnable jars (SIGTERM,
 * SIGKILL, restart with other settings). Tokens come from {@link TokenIssuer}; no gateway.
 */
final class FaultSystem implements AutoCloseable {

    static final String REFERRAL_EVENTS = "referral.events";
    static final String NGO_EVENTS = "ngo.events";
    static final String CONSENT_EVENTS = "consent.events";
    /** The consumer groups of the running services and what they read (from the services' application.yml). */
    static final Map<String, List<String>> GROUPS = Map.of(
            "ngo-service", List.of(REFERRAL_EVENTS, CONSENT_EVENTS),
            "referral-service", List.of(NGO_EVENTS, CONSENT_EVENTS),
            "referral-service-notifications", List.of(REFERRAL_EVENTS),
            "consent-service", List.of(NGO_EVENTS),
            "consent-service-erasures", List.of(NGO_EVENTS));
    private static final Duration START = Duration.ofMinutes(3);

    final Path dataDir;
    final Path projectDir = Path.of("..").toAbsolutePath().normalize();
    final TokenIssuer tokens = new TokenIssuer();
    final KafkaBroker broker = new KafkaBroker();
    /** The three services' databases. */
    final DocumentStore store = new DocumentStore();
    /** referral-service's way to the store. */
    StoreProxy referralStoreLink;
    private final int[] servicePorts = new int[3];
    private int kafkaPort;
    private MongoClient client;
    ServiceProcess referrals;
    ServiceProcess ngo;
    ServiceProcess consents;
    private boolean closed;

    FaultSystem() {
        try {
            dataDir = Files.createTempDirectory("earlyhelp-faults-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start() {
        // Should the test JVM end without @AfterAll, no service process is left behind.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "fault-system-stop"));
        store.start(null, 0);
        referralStoreLink = new StoreProxy(store.port());
        referralStoreLink.start();
        broker.start(dataDir.resolve("kafka"), 0);
        kafkaPort = broker.port();
        int base = FreePorts.run(3, 21000 + (int) (ProcessHandle.current().pid() % 1000) * 10);
        for (int i = 0; i < 3; i++) {
            servicePorts[i] = base + i;
        }
        client = MongoClients.create("mongodb://localhost:" + store.port() + "/?serverSelectionTimeoutMS=5000");
        referrals = referralService();
        ngo = new ServiceProcess("ngo-service", servicePorts[1], common("ngo", store.port(), true));
        consents = new ServiceProcess("consent-service", servicePorts[2], common("consent", store.port(), false));
        for (ServiceProcess service : List.of(ngo, consents, referrals)) {
            service.start(projectDir, logs());
        }
        awaitReady(ngo, consents, referrals);
        // The NGO service publishes its demo catalogue at start; referrals need it to find the NGO.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.get(referralUrl() + "/api/referrals/offers", tokens.teacher()).body().contains("POWERKIDS"));
    }

    /** referral-service as the run mode starts it, plus any extra arguments (e.g. a fault to inject). */
    ServiceProcess referralService(String... extra) {
        List<String> arguments = new ArrayList<>(common("referrals", referralStoreLink.port(), false,
                "--earlyhelp.services.consent-url=" + consentUrl()));
        arguments.addAll(List.of(extra));
        return new ServiceProcess("referral-service", servicePorts[0], arguments);
    }

    /** @param demoData the NGO's demo catalogue, which referrals need; no other demo data */
    private List<String> common(String database, int storePort, boolean demoData, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.mongodb.uri=mongodb://localhost:" + storePort + "/" + database,
                "--spring.cloud.stream.kafka.binder.brokers=localhost:" + kafkaPort,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TokenIssuer.ISSUER,
                "--earlyhelp.demo-data=" + demoData,
                // A killed service's consumers leave their groups when this runs out (Kafka's default is
                // 45 s); its restarted self waits for that before it gets its partitions again.
                "--spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=10000"));
        arguments.addAll(List.of(extra));
        return arguments;
    }

    /** Starts a (new) referral-service process and waits until it is ready. */
    void startReferrals(ServiceProcess service) {
        referrals = service;
        referrals.start(projectDir, logs());
        awaitReady(referrals);
    }

    void awaitReady(ServiceProcess... services) {
        for (ServiceProcess service : services) {
            await().atMost(START).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " stopped; see " + service.logFile());
                }
                return service.isReady();
            });
        }
    }

    /** Stops a service gracefully (SIGTERM) and waits for it. */
    static void stop(ServiceProcess service) {
        service.requestStop();
        service.awaitStop(Duration.ofSeconds(30));
    }

    String referralUrl() {
        return "http://localhost:" + servicePorts[0];
    }

    String ngoUrl() {
        return "http://localhost:" + servicePorts[1];
    }

    String consentUrl() {
        return "http://localhost:" + servicePorts[2];
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    int kafkaPort() {
        return kafkaPort;
    }

    String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    MongoDatabase referralsDb() {
        return client.getDatabase("referrals");
    }

    MongoDatabase ngoDb() {
        return client.getDatabase("ngo");
    }

    MongoDatabase consentDb() {
        return client.getDatabase("consent");
    }

    // ---- the broker, seen from outside ----

    /** Every record on the topic now, in partition and offset order. */
    List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records of a topic with this CloudEvents type whose JSON data names the referral. */
    List<ConsumerRecord<byte[], byte[]>> records(String topic, String type, String referralId) {
        return records(topic).stream().filter(r -> type.equals(header(r, "ce_type")))
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"" + referralId + "\""))
                .toList();
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    void produce(Collection<ProducerRecord<byte[], byte[]>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Every group has consumed every record on its topics. */
    boolean consumersCaughtUp() throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(props); KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get();
                List<TopicPartition> partitions = group.getValue().stream()
                        .flatMap(topic -> partitions(consumer, topic).stream()).toList();
                for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    if (end.getValue() > (at == null ? 0 : at.offset())) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Nothing left in any outbox of the three services. */
    boolean outboxesEmpty() {
        return Stream.of(referralsDb(), ngoDb(), consentDb()).allMatch(db -> {
            for (String collection : db.listCollectionNames()) {
                if (db.getCollection(collection).countDocuments(new Document("pendingEvents.0",
                        new Document("$exists", true))) > 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Waits until every event is published and consumed: the system is at rest. */
    void awaitQuiet() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> outboxesEmpty() && consumersCaughtUp() && outboxesEmpty());
    }

    /** Every document of the three services' databases, as JSON, by database, collection and id. */
    Map<String, String> snapshot() {
        Map<String, String> documents = new TreeMap<>();
        for (MongoDatabase db : List.of(referralsDb(), ngoDb(), consentDb())) {
            for (String collection : db.listCollectionNames()) {
                for (Document document : db.getCollection(collection).find()) {
                    documents.put(db.getName() + "." + collection + "." + document.get("_id"), document.toJson());
                }
            }
        }
        return documents;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** How many partitions the topic has (the binder creates the services' topics). */
    int partitionCount(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return partitions(consumer, topic).size();
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(10));
        List<PartitionInfo> infos = topics.get(topic);
        return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /** Stops the services, then the broker and the stores; the data folder keeps the logs. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServiceProcess> running = Stream.of(referrals, ngo, consents).filter(s -> s != null).toList();
        running.forEach(ServiceProcess::requestStop);
        running.forEach(s -> s.awaitStop(Duration.ofSeconds(20)));
        broker.stop();
        if (client != null) {
            client.close();
        }
        if (referralStoreLink != null) {
            referralStoreLink.close();
        }
        store.stop();
        tokens.close();
    }
}
