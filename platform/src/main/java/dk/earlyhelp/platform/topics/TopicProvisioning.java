package dk.earlyhelp.platform.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the broker's topics in line with their declarations: creates the missing ones with their
 * partitions, replicas and configuration, and sets configuration that differs (for example a
 * broker default retention of 7 days where the file says keep forever, which replay needs).
 * Partition counts of existing topics are never changed: more partitions would move keys and break
 * the order per referral and per child; a difference is logged for an operator to decide.
 * Several services provision at once at start; whoever creates a topic first wins, the rest find it.
 */
public class TopicProvisioning {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);

    private final String brokers;
    private final Duration timeout;

    public TopicProvisioning(String brokers, Duration timeout) {
        this.brokers = brokers;
        this.timeout = timeout;
    }

    /** What one provisioning did. */
    public record Outcome(List<String> created, List<String> reconfigured, List<String> partitionsDiffer) {
    }

    public Outcome provision(Collection<DeclaredTopic> topics) throws ExecutionException, InterruptedException,
            TimeoutException {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> created = create(admin, topics.stream().filter(t -> !existing.contains(t.name())).toList());
            List<DeclaredTopic> found = topics.stream().filter(t -> !created.contains(t.name())).toList();
            return new Outcome(created, reconfigure(admin, found), partitionsDiffering(admin, found));
        }
    }

    private List<String> create(Admin admin, List<DeclaredTopic> missing) throws InterruptedException,
            TimeoutException, ExecutionException {
        List<String> created = new ArrayList<>();
        for (DeclaredTopic topic : missing) {
            NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), topic.replicas()).configs(topic.config());
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another service (or the binder) was quicker; its configuration is checked below.
            }
        }
        return created;
    }

    private List<String> reconfigure(Admin admin, List<DeclaredTopic> topics) throws InterruptedException,
            ExecutionException, TimeoutException {
        Map<String, DeclaredTopic> byResource = topics.stream().filter(t -> !t.config().isEmpty())
                .collect(Collectors.toMap(DeclaredTopic::name, t -> t));
        if (byResource.isEmpty()) {
            return List.of();
        }
        Map<ConfigResource, Config> current = admin.describeConfigs(byResource.keySet().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
                .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<String> reconfigured = new ArrayList<>();
        for (Map.Entry<ConfigResource, Config> entry : current.entrySet()) {
            DeclaredTopic topic = byResource.get(entry.getKey().name());
            List<AlterConfigOp> changes = topic.config().entrySet().stream()
                    .filter(setting -> differs(entry.getValue().get(setting.getKey()), setting.getValue()))
                    .map(setting -> new AlterConfigOp(new ConfigEntry(setting.getKey(), setting.getValue()),
                            AlterConfigOp.OpType.SET))
                    .toList();
            if (!changes.isEmpty()) {
                admin.incrementalAlterConfigs(Map.of(entry.getKey(), changes)).all()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                reconfigured.add(topic.name());
            }
        }
        return reconfigured;
    }

    private static boolean differs(ConfigEntry current, String declared) {
        return current == null || !declared.equals(current.value());
    }

    private List<String> partitionsDiffering(Admin admin, List<DeclaredTopic> topics) throws InterruptedException,
            ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics.stream().map(DeclaredTopic::name)
                .toList()).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<String> differing = new ArrayList<>();
        for (DeclaredTopic topic : topics) {
            int actual = descriptions.get(topic.name()).partitions().size();
            if (actual != topic.partitions()) {
                log.warn("Topic {} has {} partitions where asyncapi.yaml declares {}; left as it is (changing it "
                        + "would move keys between partitions)", topic.name(), actual, topic.partitions());
                differing.add(topic.name());
            }
        }
        return differing;
    }
}
