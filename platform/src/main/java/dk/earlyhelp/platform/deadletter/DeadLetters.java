package dk.earlyhelp.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads a service's dead-letter topics and replays one message to the topic it came from, with
 * its original key, headers and CloudEvents id, so idempotent consumers treat it as the same event.
 */
public class DeadLetters {

    /** Headers the binder adds when it dead-letters a message; not replayed. */
    private static final String BINDER_HEADER_PREFIX = "x-";
    private static final Duration POLL = Duration.ofMillis(200);

    private final String brokers;
    private final DeadLetterProperties properties;

    public DeadLetters(String brokers, DeadLetterProperties properties) {
        this.brokers = brokers;
        this.properties = properties;
    }

    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (String topic : properties.topics()) {
                readAll(consumer, topic).forEach(record -> letters.add(describe(record)));
            }
        }
        return letters;
    }

    /** Messages waiting on the dead-letter topics. */
    public long count() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            long count = 0;
            for (String topic : properties.topics()) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    count += ends.get(partition) - beginnings.get(partition);
                }
            }
            return count;
        }
    }

    /** Publishes the dead letter again on its original topic; empty when there is no such message. */
    public Optional<DeadLetter> replay(String topic, int partition, long offset) {
        if (!properties.topics().contains(topic)) {
            return Optional.empty();
        }
        ConsumerRecord<byte[], byte[]> letter;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            letter = readAll(consumer, topic).stream()
                    .filter(record -> record.partition() == partition && record.offset() == offset)
                    .findFirst().orElse(null);
        }
        if (letter == null) {
            return Optional.empty();
        }
        DeadLetter described = describe(letter);
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(described.originalTopic(), letter.key(),
                letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(BINDER_HEADER_PREFIX)) {
                again.headers().add(header);
            }
        }
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(again).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not replay " + topic + "/" + partition + "/" + offset, e);
        }
        return Optional.of(described);
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        if (partitions.isEmpty()) {
            return records;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
            consumer.poll(POLL).forEach(records::add);
        }
        return records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
        String failure = Optional.ofNullable(header(record, "x-exception-fqcn")).orElse("unknown");
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Optional.ofNullable(header(record, "x-original-topic")).orElse(record.topic()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, "ce_type"), header(record, "ce_id"), failure, Instant.ofEpochMilli(record.timestamp()));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
