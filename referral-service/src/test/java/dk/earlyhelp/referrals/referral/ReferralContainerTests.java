package dk.earlyhelp.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * The same slice as {@link ReferralIntegrationTests} on a real MongoDB replica set and the Kafka
 * image of docker-compose.yml. Runs where Docker exists; skipped cleanly where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralContainerTests {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", KAFKA::getBootstrapServers);
    }

    @LocalServerPort
    int port;

    @Test
    void storesTheReferralInMongoDbAndPublishesItsEventOnKafka() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                .header("Authorization", "Bearer " + TestTokens.municipalStaff("teacher", "0751"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ReferralIntegrationTests.validReferral())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = Contracts.parse(created.body()).get("id").asText();

        try (EventProbe events = EventProbe.on("referral.events", KAFKA.getBootstrapServers())) {
            ConsumerRecord<byte[], byte[]> event = events.await(
                    record -> new String(record.key(), StandardCharsets.UTF_8).equals(id));
            assertThat(EventProbe.header(event, CloudEventHeaders.TYPE)).isEqualTo("referral.submitted.v1");
            Contracts.assertMatchesSchema("referral-service", "referral.submitted.v1", EventProbe.value(event));
        }
    }
}
