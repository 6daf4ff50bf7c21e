package dk.earlyhelp.platform.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the topics an AsyncAPI 3 document declares: each channel's {@code address} with its
 * {@code bindings.kafka} ({@code partitions}, {@code replicas}, {@code topicConfiguration}). A
 * channel without a Kafka binding gets one partition, one replica and the broker's defaults.
 */
public final class AsyncApiTopics {

    /** Where the platform's jar carries the project's {@code asyncapi.yaml}. */
    public static final String RESOURCE = "earlyhelp/asyncapi.yaml";

    private AsyncApiTopics() {
    }

    public static List<DeclaredTopic> fromClasspath() {
        try (InputStream in = AsyncApiTopics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<DeclaredTopic> read(InputStream asyncApi) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(asyncApi);
        List<DeclaredTopic> topics = new ArrayList<>();
        map(document.get("channels")).forEach((channel, value) -> {
            Map<String, Object> declared = map(value);
            Object address = declared.get("address");
            if (address == null) {
                throw new IllegalArgumentException("Channel " + channel + " has no address");
            }
            Map<String, Object> kafka = map(map(declared.get("bindings")).get("kafka"));
            Map<String, String> config = new LinkedHashMap<>();
            map(kafka.get("topicConfiguration")).forEach((key, setting) -> config.put(key, text(setting)));
            topics.add(new DeclaredTopic(address.toString(), number(kafka.get("partitions"), 1),
                    (short) number(kafka.get("replicas"), 1), config));
        });
        return topics;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static int number(Object value, int otherwise) {
        return value instanceof Number number ? number.intValue() : otherwise;
    }

    private static String text(Object setting) {
        return setting instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(setting);
    }
}
