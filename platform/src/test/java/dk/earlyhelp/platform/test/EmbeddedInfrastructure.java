package dk.earlyhelp.platform.test;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The real Kafka broker (KRaft), the MongoDB-wire store (in memory) and the token issuer, started
 * once per test JVM and shared by every Spring context in it: a broker costs seconds on two cores.
 */
public final class EmbeddedInfrastructure {

    private static EmbeddedKafkaBroker kafka;
    private static MongoServer mongo;
    private static String mongoUri;

    private EmbeddedInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 3)
                    .brokerProperties(Map.of("offsets.topic.num.partitions", "1",
                            "group.initial.rebalance.delay.ms", "0"));
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongoUri = mongo.bindAndGetConnectionString();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return mongoUri.endsWith("/") ? mongoUri + database : mongoUri + "/" + database;
    }

    /** Properties that point a service at the shared infrastructure. */
    public static Map<String, Object> springProperties() {
        String brokers = kafkaBootstrapServers();
        return Map.of(
                "spring.cloud.stream.kafka.binder.brokers", brokers,
                "spring.kafka.bootstrap-servers", brokers,
                "spring.mongodb.uri", mongoUri("test"),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences", TestTokens.AUDIENCE);
    }
}
