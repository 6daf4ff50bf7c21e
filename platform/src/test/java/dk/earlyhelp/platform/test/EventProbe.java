package dk.earlyhelp.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/** Reads and writes raw records on the shared broker, as another service would see them. */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();

    private EventProbe(String topic, String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    public static EventProbe on(String topic) {
        return new EventProbe(topic, EmbeddedInfrastructure.kafkaBootstrapServers());
    }

    /** A probe on another broker, such as one in a container. */
    public static EventProbe on(String topic, String bootstrapServers) {
        return new EventProbe(topic, bootstrapServers);
    }

    /** Waits until a record matching the condition arrived and returns it. */
    public ConsumerRecord<byte[], byte[]> await(Predicate<ConsumerRecord<byte[], byte[]>> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(condition).findFirst().orElse(null);
        }, found -> found != null);
    }

    /** All records seen so far that match. */
    public List<ConsumerRecord<byte[], byte[]>> seen(Predicate<ConsumerRecord<byte[], byte[]>> condition) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(condition).toList();
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    /**
     * Publishes an event as its producing service would: CloudEvents headers with the given id and
     * type, the source named after the type's prefix ({@code ngo.…} from {@code /ngo-service}),
     * the key as subject and the current time.
     */
    public static void publishEvent(String topic, String type, String eventId, String key, String json) {
        publish(topic, key, Map.of("ce_id", eventId, "ce_type", type,
                "ce_source", "/" + type.substring(0, type.indexOf('.')) + "-service", "ce_specversion", "1.0",
                "ce_time", java.time.Instant.now().toString(), "ce_subject", key, "content-type", "application/json"),
                json);
    }

    /**
     * Publishes a record with the given CloudEvents headers as a producing service's binder writes
     * them: String headers, announced in {@code spring_json_header_types}.
     */
    public static void publish(String topic, String key, Map<String, String> headers, String json) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                    json.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            String types = headers.keySet().stream().map(name -> "\"" + name + "\":\"java.lang.String\"")
                    .collect(java.util.stream.Collectors.joining(",", "{", "}"));
            record.headers().add("spring_json_header_types", types.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish test record", e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
