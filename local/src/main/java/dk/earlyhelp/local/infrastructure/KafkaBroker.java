package dk.earlyhelp.local.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker and controller in one process),
 * run inside this JVM. Its storage is formatted once with a fixed cluster id, so a restart on the same
 * directory keeps every topic, record and committed offset.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Fixed cluster id ("earlyhelp-local!" as a Kafka Uuid), written to meta.properties when storage is formatted. */
    static final String CLUSTER_ID = "ZWFybHloZWxwLWxvY2FsIQ";

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String HOST = "localhost";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KafkaRaftServer server;
    private int port;

    /**
     * Starts the broker with its data in {@code dataDir}, formatting the storage first if the directory
     * holds no {@code meta.properties}. Returns once the broker accepts clients.
     *
     * @param port the client (PLAINTEXT) port on localhost; 0 picks a free one
     */
    public synchronized void start(Path dataDir, int port) {
        if (server != null) {
            throw new IllegalStateException("Kafka broker already running on " + bootstrapServers());
        }
        long began = System.nanoTime();
        Path dir = dataDir.toAbsolutePath().normalize();
        int brokerPort = port == 0 ? freePort(-1) : port;
        int controllerPort = freePort(brokerPort);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + dir, e);
        }
        boolean formatted = false;
        if (!Files.exists(dir.resolve("meta.properties"))) {
            format(dir);
            formatted = true;
        }
        KafkaConfig config = new KafkaConfig(settings(dir, brokerPort, controllerPort), false);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            starting.shutdown();
            starting.awaitShutdown();
            throw e;
        }
        this.server = starting;
        this.port = brokerPort;
        log.info("Kafka broker started on {} in {} ms ({} storage in {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), formatted ? "new" : "existing", dir);
    }

    /** Shuts the broker down cleanly and waits until it has, so the same directory can be started again; a no-op when not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long began = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        log.info("Kafka broker on localhost:{} stopped in {} ms", port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code localhost:9092}. */
    public synchronized String bootstrapServers() {
        return HOST + ":" + port();
    }

    /** The client port the running broker listens on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Kafka broker is not running");
        }
        return port;
    }

    private static Map<String, Object> settings(Path dir, int brokerPort, int controllerPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dir.toString());
        props.put("metadata.log.dir", dir.toString());
        // One node: every internal topic has a single replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "3");
        return props;
    }

    private static void format(Path dir) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(CLUSTER_ID)
                    .setDirectories(List.of(dir.toString()))
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dir, e);
        }
        log.info("Formatted Kafka storage in {} with cluster id {}", dir, CLUSTER_ID);
        log.debug("Formatter output: {}", output.toString(StandardCharsets.UTF_8).strip());
    }

    private static int freePort(int notThis) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                int candidate = socket.getLocalPort();
                if (candidate != notThis) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port", e);
            }
        }
        throw new IllegalStateException("Cannot find a free port other than " + notThis);
    }
}
