package dk.earlyhelp.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dk.earlyhelp.local.FreePorts;

/**
 * The whole local system as {@code ./run.sh} starts it (the runnable jar, demo data), in a fresh
 * data folder and on ports of its own, so a running developer system is not disturbed. Knows its
 * start-up time (launch to the READY line) and the resident memory of all its processes.
 */
final class RunMode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process launcher;
    private final Path dataDir;
    private final int basePort;
    private final int kafkaPort;
    private final Duration startup;

    private RunMode(Process launcher, Path dataDir, int basePort, int kafkaPort, Duration startup) {
        this.launcher = launcher;
        this.dataDir = dataDir;
        this.basePort = basePort;
        this.kafkaPort = kafkaPort;
        this.startup = startup;
    }

    static RunMode start(Path projectDir) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("earlyhelp-bench-");
        int base = FreePorts.run(9, 24000);
        Path log = dataDir.resolve("launcher.log");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", runnableJar(projectDir).toString())
                .directory(projectDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        command.environment().putAll(Map.of(
                "RUN_DATA_DIR", dataDir.toString(),
                "RUN_BASE_PORT", String.valueOf(base),
                "RUN_KAFKA_PORT", String.valueOf(base + 5),
                "RUN_MONGO_PORT", String.valueOf(base + 6),
                "RUN_SMTP_PORT", String.valueOf(base + 7),
                "RUN_IMAP_PORT", String.valueOf(base + 8),
                "RUN_DEMO_DATA", "true"));
        long began = System.nanoTime();
        Process launcher = command.start();
        RunMode system = null;
        try {
            long deadline = began + START_TIMEOUT.toNanos();
            while (!ready(log)) {
                if (!launcher.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The run mode did not get ready; see " + log);
                }
                Thread.sleep(100); // polling a log file: there is nothing to wait on
            }
            system = new RunMode(launcher, dataDir, base, base + 5, Duration.ofNanos(System.nanoTime() - began));
            return system;
        } finally {
            if (system == null) {
                launcher.destroy();
            }
        }
    }

    String portal() {
        return "http://localhost:" + basePort;
    }

    String brokers() {
        return "localhost:" + kafkaPort;
    }

    Path signingKey() {
        return dataDir.resolve("identity").resolve("signing-key.json");
    }

    Path dataDir() {
        return dataDir;
    }

    /** Launch to the READY line: the broker, the store and every service answering its readiness probe. */
    Duration startup() {
        return startup;
    }

    /** Resident memory of the launcher (broker, store, mail catcher) and every service process, in bytes. */
    long residentBytes() {
        return Stream.concat(Stream.of(launcher.toHandle()), launcher.descendants())
                .mapToLong(process -> residentBytes(process.pid())).sum();
    }

    private static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // The process ended meanwhile, or this is not Linux: it counts nothing.
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy(); // SIGTERM: the launcher stops its services, then the broker and the store
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean ready(Path log) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.anyMatch(line -> line.startsWith("READY"));
        }
    }

    private static Path runnableJar(Path projectDir) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(projectDir.resolve("local/target"), "local-*-exec.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        }
        throw new IllegalStateException("No local/target/local-*-exec.jar: build first (./bench.sh does)");
    }
}
