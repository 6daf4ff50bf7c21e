package dk.earlyhelp.platform.deadletter;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param path   where the administrators' API lists them, under the service's own API prefix
 * @param topics the service's dead-letter topics
 */
@ConfigurationProperties("earlyhelp.dead-letters")
public record DeadLetterProperties(String path, List<String> topics) {

    public DeadLetterProperties {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
