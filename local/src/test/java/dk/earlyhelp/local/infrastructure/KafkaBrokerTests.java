package dk.earlyhelp.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTests {

    private static final String TOPIC = "referrals";

    private final KafkaBroker broker = new KafkaBroker();

    @TempDir
    Path dataDir;

    @AfterEach
    void stopBroker() {
        broker.stop();
    }

    @Test
    void keepsRecordsAcrossRestart() throws Exception {
        broker.start(dataDir, 0);
        int port = broker.port();
        assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
        assertThat(Files.readString(dataDir.resolve("meta.properties"))).contains("cluster.id=" + KafkaBroker.CLUSTER_ID);

        send("case-1", "referral received");
        assertThat(readAllFromStart()).containsExactly("referral received");

        broker.stop();
        broker.start(dataDir, port);

        assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
        assertThat(Files.readString(dataDir.resolve("meta.properties"))).contains("cluster.id=" + KafkaBroker.CLUSTER_ID);
        assertThat(readAllFromStart()).containsExactly("referral received");

        send("case-1", "referral accepted");
        assertThat(readAllFromStart()).containsExactly("referral received", "referral accepted");
    }

    @Test
    void refusesToStartWhileRunning() {
        broker.start(dataDir, 0);

        assertThatThrownBy(() -> broker.start(dataDir, 0)).isInstanceOf(IllegalStateException.class);
    }

    private void send(String key, String value) throws Exception {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
            assertThat(sent.hasOffset()).isTrue();
        }
    }

    /** Reads the topic from the beginning with a fresh consumer group until it has caught up with the end. */
    private List<String> readAllFromStart() {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !consumer.assignment().isEmpty() && caughtUp(consumer);
            });
        }
        return values;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer) {
        return consumer.endOffsets(consumer.assignment()).entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
