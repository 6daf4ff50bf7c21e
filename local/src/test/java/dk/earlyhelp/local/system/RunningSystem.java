package dk.earlyhelp.local.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dk.earlyhelp.local.FreePorts;
import dk.earlyhelp.local.LocalSettings;

/**
 * The whole system started exactly as {@code ./run.sh} starts it: the runnable jar in its own
 * process, on ports of its own (so a developer's running system does not collide) and a fresh
 * data folder. Started once per test JVM; stopping it checks that no child process is left.
 */
public final class RunningSystem {

    private static LocalSettings settings;
    private static Process launcher;

    private RunningSystem() {
    }

    public static synchronized LocalSettings get() {
        if (settings == null) {
            // Gateway and four services, the broker, the store and the mail catcher (SMTP, IMAP): nine free ports.
            int base = FreePorts.run(9, 20000 + (int) (ProcessHandle.current().pid() % 1200) * 10);
            settings = new LocalSettings(Path.of("..").toAbsolutePath().normalize(), newDataDir(), true, false,
                    base, base + 5, base + 6, base + 7, base + 8);
            // Before starting: a start that times out must not leave the launcher and its services running.
            Runtime.getRuntime().addShutdownHook(new Thread(RunningSystem::stop));
            start();
        }
        return settings;
    }

    /** Stops everything as Ctrl-C does and starts it again on the same data. */
    static synchronized void restart() {
        get();
        stop();
        start();
    }

    public static String portal() {
        return get().portalUrl();
    }

    private static void start() {
        Path log = settings.dataDir().resolve("launcher.log");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", runnableJar().toString())
                .directory(settings.projectDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        command.environment().putAll(Map.of(
                "RUN_DATA_DIR", settings.dataDir().toString(),
                "RUN_BASE_PORT", String.valueOf(settings.basePort()),
                "RUN_KAFKA_PORT", String.valueOf(settings.kafkaPort()),
                "RUN_MONGO_PORT", String.valueOf(settings.mongoPort()),
                "RUN_SMTP_PORT", String.valueOf(settings.smtpPort()),
                "RUN_IMAP_PORT", String.valueOf(settings.imapPort()),
                "RUN_DEMO_DATA", "true"));
        try {
            long readyLinesBefore = readyLines(log);
            launcher = command.start();
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> readyLines(log) > readyLinesBefore || !launcher.isAlive());
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The run mode stopped while starting:\n" + Files.readString(log));
            }
            awaitDemoCatalogue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The NGO service publishes its catalogue at start; the referral service has it a moment after READY. */
    private static void awaitDemoCatalogue() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> offers = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(settings.portalUrl() + "/api/referrals/offers"))
                    .header("Authorization", "Bearer " + UserTokens.accessToken(settings.portalUrl(), "laerer.aarhus"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return offers.statusCode() == 200 && offers.body().contains("POWERKIDS");
        });
    }

    private static synchronized void stop() {
        if (launcher == null || !launcher.isAlive()) {
            return;
        }
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy(); // SIGTERM runs the same shutdown hook as Ctrl-C
        try {
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
                throw new IllegalStateException("The run mode did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    private static long readyLines(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(line -> line.startsWith("READY")).count() : 0;
    }

    private static Path runnableJar() {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "local-*-exec.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No local/target/local-*-exec.jar: these tests run after packaging (failsafe)");
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("earlyhelp-run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
