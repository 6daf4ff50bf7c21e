package dk.earlyhelp.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import dk.earlyhelp.local.LocalSettings;

/**
 * After the other system tests (CONSENT.md, "CPR numbers"): none of the synthetic CPR numbers they
 * gave the running system is found in plain text in any Kafka topic, any service's log, or any
 * database; the referral service holds it only encrypted.
 */
@Order(9)
class PersonalDataScanIT {

    @Test
    void noCprNumberInAnyTopicLogOrDatabase() throws Exception {
        LocalSettings settings = RunningSystem.get();
        List<String> forms = SyntheticCprs.USED.stream()
                .flatMap(cpr -> Stream.of(cpr, cpr.replace("-", ""))).toList();

        String topics = String.join("\n", topicContents(settings.kafkaPort()));
        String logs = logContents(settings.dataDir().resolve("logs"));
        String databases = databaseContents(settings.mongoPort());

        assertThat(topics).as("Kafka topics were read").contains("referral.submitted.v1");
        assertThat(logs).as("the services' logs were read").contains("referral-service");
        assertThat(databases).as("the databases were read").contains("\"interventionCode\"");
        for (String cpr : forms) {
            assertThat(topics).as("a Kafka topic").doesNotContain(cpr);
            assertThat(logs).as("a log file").doesNotContain(cpr);
            assertThat(databases).as("a database").doesNotContain(cpr);
        }
    }

    /** Every record of every topic from the beginning: key, value and headers as text. */
    private static List<String> topicContents(int kafkaPort) throws Exception {
        String brokers = "localhost:" + kafkaPort;
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            topics = admin.listTopics().names().get();
        }
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "personal-data-scan-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> contents = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read every topic to its end");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder(record.topic()).append(' ');
                    for (Header header : record.headers()) {
                        text.append(header.key()).append('=').append(utf8(header.value())).append(' ');
                    }
                    contents.add(text.append(utf8(record.key())).append(' ').append(utf8(record.value())).toString());
                }
            }
        }
        return contents;
    }

    private static String logContents(Path logs) throws Exception {
        StringBuilder contents = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                contents.append(file.getFileName()).append('\n').append(Files.readString(file)).append('\n');
            }
        }
        return contents.toString();
    }

    /** Every document of every collection of every database, as JSON. */
    private static String databaseContents(int mongoPort) {
        StringBuilder contents = new StringBuilder();
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            for (String database : mongo.listDatabaseNames()) {
                for (String collection : mongo.getDatabase(database).listCollectionNames()) {
                    for (Document document : mongo.getDatabase(database).getCollection(collection).find()) {
                        contents.append(database).append('.').append(collection).append(' ')
                                .append(document.toJson()).append('\n');
                    }
                }
            }
        }
        return contents.toString();
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
