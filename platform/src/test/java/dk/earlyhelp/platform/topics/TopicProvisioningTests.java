package dk.earlyhelp.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.earlyhelp.platform.test.EmbeddedInfrastructure;

/** Provisioning on the real broker, and the project's own declarations as the platform jar carries them. */
class TopicProvisioningTests {

    private static final String KEEP_FOREVER = "-1";
    private static final String SEVEN_DAYS = "604800000";

    private static Admin admin;
    private final TopicProvisioning provisioning =
            new TopicProvisioning(EmbeddedInfrastructure.kafkaBootstrapServers(), Duration.ofSeconds(10));

    @BeforeAll
    static void connect() {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers());
        admin = Admin.create(settings);
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void theProjectDeclaresEveryTopicWithOnePartitionAndNoTimeLimit() {
        List<DeclaredTopic> topics = AsyncApiTopics.fromClasspath();

        assertThat(topics).extracting(DeclaredTopic::name).contains("referral.events", "ngo.events",
                "consent.events", "measurement.events", "referral-service.dlq", "ngo-service.dlq",
                "consent-service.dlq", "measurement-service.dlq");
        // Replay rebuilds read models from the whole topic (ARCHITECTURE.md), so nothing may age out.
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.partitions()).as(topic.name()).isEqualTo(1);
            assertThat(topic.config()).as(topic.name())
                    .containsEntry("retention.ms", KEEP_FOREVER).containsEntry("cleanup.policy", "delete");
        });
    }

    @Test
    void createsMissingTopicsAndSetsTheDeclaredConfigurationOnExistingOnes() throws Exception {
        String missing = "provisioned-" + UUID.randomUUID();
        String existing = "existing-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(existing, 2, (short) 1).configs(Map.of("retention.ms", SEVEN_DAYS))))
                .all().get(10, TimeUnit.SECONDS);
        List<DeclaredTopic> declared = List.of(
                new DeclaredTopic(missing, 1, (short) 1, Map.of("retention.ms", KEEP_FOREVER)),
                new DeclaredTopic(existing, 1, (short) 1, Map.of("retention.ms", KEEP_FOREVER)));

        TopicProvisioning.Outcome outcome = provisioning.provision(declared);

        assertThat(outcome.created()).containsExactly(missing);
        assertThat(outcome.reconfigured()).containsExactly(existing);
        assertThat(outcome.partitionsDiffer()).as("never repartitioned: keys would move").containsExactly(existing);
        assertThat(retention(missing)).isEqualTo(KEEP_FOREVER);
        assertThat(retention(existing)).isEqualTo(KEEP_FOREVER);
        assertThat(admin.describeTopics(List.of(missing, existing)).allTopicNames().get(10, TimeUnit.SECONDS))
                .satisfies(topics -> {
                    assertThat(topics.get(missing).partitions()).hasSize(1);
                    assertThat(topics.get(existing).partitions()).hasSize(2);
                });

        TopicProvisioning.Outcome again = provisioning.provision(declared);
        assertThat(again.created()).isEmpty();
        assertThat(again.reconfigured()).isEmpty();
    }

    private static String retention(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        return config.get("retention.ms").value();
    }
}
