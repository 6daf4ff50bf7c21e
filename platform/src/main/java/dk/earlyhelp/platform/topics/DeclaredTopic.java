package dk.earlyhelp.platform.topics;

import java.util.Map;

/**
 * One topic as {@code asyncapi.yaml} declares it in a channel's Kafka binding.
 *
 * @param config topic-level settings such as {@code retention.ms}; lists are joined with commas, as Kafka writes them
 */
public record DeclaredTopic(String name, int partitions, short replicas, Map<String, String> config) {

    public DeclaredTopic {
        config = Map.copyOf(config);
    }
}
