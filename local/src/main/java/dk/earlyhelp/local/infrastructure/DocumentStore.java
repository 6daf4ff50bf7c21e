package dk.earlyhelp.local.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire document store (mongo-java-server) on localhost, kept in an H2 MVStore file so its data
 * survives a restart, or in memory when no file is given. Services reach it with an ordinary MongoDB
 * connection string.
 */
public final class DocumentStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

    private MongoServer server;
    private String connectionString;
    private int port;

    /**
     * Starts the store and returns once it accepts connections.
     *
     * @param h2File the H2 MVStore file to keep the data in (created with its folders if missing); null keeps it in memory
     * @param port   the port on the loopback address; 0 picks a free one
     */
    public synchronized void start(Path h2File, int port) {
        if (server != null) {
            throw new IllegalStateException("Document store already running at " + connectionString);
        }
        MongoBackend backend = h2File == null ? new MemoryBackend() : new H2Backend(prepare(h2File));
        MongoServer starting = new MongoServer(backend);
        try {
            starting.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (RuntimeException e) {
            starting.shutdownNow();
            throw e;
        }
        this.server = starting;
        this.port = starting.getLocalAddress().getPort();
        this.connectionString = starting.getConnectionString();
        log.info("Document store started at {} ({})", connectionString,
                h2File == null ? "in memory" : "data in " + h2File.toAbsolutePath());
    }

    /** Stops listening and closes the backend, writing all data to the file; a no-op when not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
        } finally {
            server = null;
        }
        log.info("Document store at {} stopped", connectionString);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The MongoDB connection string of the running store, e.g. {@code mongodb://127.0.0.1:27017}. */
    public synchronized String connectionString() {
        requireRunning();
        return connectionString;
    }

    /** The port the running store listens on. */
    public synchronized int port() {
        requireRunning();
        return port;
    }

    private void requireRunning() {
        if (server == null) {
            throw new IllegalStateException("Document store is not running");
        }
    }

    private static String prepare(Path h2File) {
        Path file = h2File.toAbsolutePath().normalize();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create folder for " + file, e);
        }
        return file.toString();
    }
}
