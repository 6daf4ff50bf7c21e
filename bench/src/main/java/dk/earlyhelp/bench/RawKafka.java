package dk.earlyhelp.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker on its own, with a plain client in this process: one topic of one partition (as ours
 * are), a producer with the services' settings (acks=all, idempotent, one request in flight) and
 * messages the size of a referral event. Latency is producer send to consumer poll.
 */
final class RawKafka {

    /** About the size of a {@code referral.submitted.v1} with its CloudEvents headers. */
    private static final int MESSAGE_BYTES = 700;
    private static final String SENT_AT = "sent-at-nanos";

    private final String brokers;

    RawKafka(String brokers) {
        this.brokers = brokers;
    }

    /** One message every 1/rate seconds for {@code length}; the latency of each. */
    Latencies fixedRate(double perSecond, Duration length) throws Exception {
        String topic = newTopic();
        int messages = (int) (perSecond * length.toSeconds());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        try (KafkaProducer<byte[], byte[]> producer = producer();
             Receiver receiver = new Receiver(topic, record -> latencies.add(System.nanoTime() - sentAt(record)))) {
            ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
            AtomicLong sent = new AtomicLong();
            ticks.scheduleAtFixedRate(() -> {
                if (sent.getAndIncrement() < messages) {
                    producer.send(record(topic));
                }
            }, 0, (long) (1_000_000_000 / perSecond), TimeUnit.NANOSECONDS);
            receiver.awaitCount(messages, length.plusSeconds(60));
            ticks.shutdownNow();
        }
        return Latencies.of(latencies);
    }

    /** Messages a second from the first send to the last receipt, producing as fast as the client can. */
    double saturation(int messages) throws Exception {
        String topic = newTopic();
        try (KafkaProducer<byte[], byte[]> producer = producer(); Receiver receiver = new Receiver(topic, record -> { })) {
            long began = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                producer.send(record(topic));
            }
            producer.flush();
            long ended = receiver.awaitCount(messages, Duration.ofMinutes(5));
            return messages / ((ended - began) / 1e9);
        }
    }

    private String newTopic() throws Exception {
        String topic = "bench.raw-" + UUID.randomUUID();
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        try (Admin admin = Admin.create(settings)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<byte[], byte[]> record(String topic) {
        byte[] payload = new byte[MESSAGE_BYTES];
        Arrays.fill(payload, (byte) 'x');
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, UUID.randomUUID().toString().getBytes(),
                payload);
        record.headers().add(SENT_AT, ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array());
        return record;
    }

    private static long sentAt(ConsumerRecord<byte[], byte[]> record) {
        return ByteBuffer.wrap(record.headers().lastHeader(SENT_AT).value()).getLong();
    }

    /** Reads one topic from its end on a thread of its own, handing each record over as it arrives. */
    private final class Receiver implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong received = new AtomicLong();
        private volatile long lastAt;
        private final Thread thread;

        Receiver(String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> handler) {
            Properties settings = new Properties();
            settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            thread = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                            handler.accept(record);
                            lastAt = System.nanoTime();
                            received.incrementAndGet();
                        }
                    }
                }
            }, "raw-kafka-receiver");
            thread.start();
        }

        /** Waits until {@code count} records arrived; returns when the last one did. */
        long awaitCount(long count, Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (received.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Only " + received.get() + " of " + count + " messages arrived");
                }
                Thread.sleep(10); // a benchmark's own wait for its counter, not a test
            }
            return lastAt;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
