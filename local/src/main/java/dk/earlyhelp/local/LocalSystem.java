package dk.earlyhelp.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.earlyhelp.local.infrastructure.DocumentStore;
import dk.earlyhelp.local.infrastructure.KafkaBroker;
import dk.earlyhelp.local.infrastructure.MailCatcher;

/**
 * Runs the whole system on this machine without Docker: the MongoDB-wire store and the Kafka broker
 * in this JVM, the four services and the gateway as child processes. Ctrl-C stops everything; the
 * data stays in the data folder for the next start.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger console = LoggerFactory.getLogger("console");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    /** Demo logins printed with the ready line; the gateway holds them (see its DemoIdentities). */
    static final List<String> DEMO_LOGINS = List.of("laerer.aarhus (lærer, Aarhus)",
            "teamleder.aarhus (teamleder, Aarhus)", "psykolog.aarhus (skolepsykolog, Aarhus)",
            "sagsbehandler.kbh (sagsbehandler, København)", "sundhedsplejerske.odense (sundhedsplejerske, Odense)",
            "koordinator.powerkids (Powerkids)",
            "koordinator.stroem (STRØM)", "koordinator.cykelhjelm (Cykelhjelm, SIND)", "frivillig.powerkids (frivillig)",
            "styregruppe.aarhus (styregruppe Aarhus–Powerkids)", "admin (administrator)");

    private final LocalSettings settings;
    private final DocumentStore store = new DocumentStore();
    private final KafkaBroker broker = new KafkaBroker();
    private final MailCatcher mail = new MailCatcher();
    private final List<ServiceProcess> services = new ArrayList<>();
    private volatile boolean stopped;

    public LocalSystem(LocalSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        LocalSystem system = new LocalSystem(LocalSettings.fromEnvironment(System.getenv(), Path.of("")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.info("Stopping ...");
            system.close();
            console.info("Stopped. The data is kept in {}", system.settings.dataDir());
        }, "local-system-shutdown"));
        try {
            system.start();
        } catch (RuntimeException e) {
            console.error("Could not start: {}", e.getMessage());
            System.exit(1);
        }
        system.watch();
    }

    /** Starts everything and returns when every service reports ready. */
    public void start() {
        long started = System.nanoTime();
        if (settings.reset()) {
            console.info("RUN_RESET=true: wiping {}", settings.dataDir());
            deleteRecursively(settings.dataDir());
        }
        console.info("[1/4] Starting the document store (MongoDB wire protocol) on port {} ...", settings.mongoPort());
        store.start(settings.dataDir().resolve("mongo").resolve("store.mv"), settings.mongoPort());
        console.info("[2/4] Starting the Kafka broker (KRaft) on port {} and the mail catcher (SMTP {}) ...",
                settings.kafkaPort(), settings.smtpPort());
        broker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
        mail.start(settings.smtpPort(), settings.imapPort());
        console.info("[3/4] Starting the services{} ...", settings.demoData() ? " with demo data" : " without demo data");
        services.addAll(describeServices());
        for (ServiceProcess service : services) {
            service.start(settings.projectDir(), settings.dataDir().resolve("logs"));
        }
        awaitReady(started);
        console.info("[4/4] Ready in {} s", seconds(started));
        console.info("");
        console.info("READY  Portal: {}   API docs: {}/swagger-ui.html", settings.portalUrl(), settings.portalUrl());
        console.info("       Demo logins, password 'demo': {}", String.join(", ", DEMO_LOGINS));
        console.info("       Logs: {}   Stop: Ctrl-C", settings.dataDir().resolve("logs"));
    }

    private List<ServiceProcess> describeServices() {
        String mongo = "mongodb://localhost:" + settings.mongoPort() + "/";
        String brokers = "localhost:" + settings.kafkaPort();
        String jwks = settings.portalUrl() + "/oauth2/jwks";
        String demo = "--earlyhelp.demo-data=" + settings.demoData();
        List<ServiceProcess> all = new ArrayList<>();
        // Referrers are told of news, and custody holders get their personal consent links, by e-mail;
        // the mail catcher keeps it for the portal's demo mailbox.
        List<String> mail = List.of("--spring.mail.host=localhost", "--spring.mail.port=" + settings.smtpPort());
        String consentUrl = "--earlyhelp.services.consent-url=http://localhost:" + (settings.basePort() + 3);
        String[][] backends = { { "referral-service", "referrals" }, { "ngo-service", "ngo" },
                { "consent-service", "consent" }, { "measurement-service", "measurement" } };
        for (int i = 0; i < backends.length; i++) {
            List<String> arguments = new ArrayList<>(List.of(
                    "--spring.mongodb.uri=" + mongo + backends[i][1],
                    "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwks,
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + settings.portalUrl(),
                    demo));
            if (backends[i][0].equals("referral-service")) {
                arguments.addAll(mail);
                arguments.add("--earlyhelp.notifications.portal-url=" + settings.portalUrl());
                arguments.add(consentUrl);
            } else if (backends[i][0].equals("consent-service")) {
                arguments.addAll(mail);
                arguments.add("--earlyhelp.consent.portal-url=" + settings.portalUrl());
            } else if (backends[i][0].equals("measurement-service") && settings.demoData()) {
                // The Powerkids partnership in the demo agreed to screen for self-harm beside its own dimensions.
                arguments.add("--earlyhelp.measurement.added-dimensions.POWERKIDS-0751=SELF_HARM");
            }
            all.add(new ServiceProcess(backends[i][0], settings.basePort() + 1 + i, arguments));
        }
        all.add(new ServiceProcess("gateway", settings.basePort(), List.of(
                "--earlyhelp.identity.demo-identities=true",
                "--earlyhelp.identity.signing-key-file=" + settings.dataDir().resolve("identity").resolve("signing-key.json"),
                "--earlyhelp.services.referral-url=http://localhost:" + (settings.basePort() + 1),
                "--earlyhelp.services.ngo-url=http://localhost:" + (settings.basePort() + 2),
                consentUrl,
                "--earlyhelp.services.measurement-url=http://localhost:" + (settings.basePort() + 4),
                "--earlyhelp.demo-mailbox.imap-port=" + settings.imapPort())));
        return all;
    }

    private void awaitReady(long started) {
        Set<ServiceProcess> waiting = new LinkedHashSet<>(services);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " stopped while starting; see " + service.logFile());
                }
                if (service.isReady()) {
                    waiting.remove(service);
                    console.info("      {} ready on port {} ({} s)", service.name(), service.port(), seconds(started));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready after " + START_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(ServiceProcess::name).toList() + "; see the logs in "
                        + settings.dataDir().resolve("logs"));
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** Keeps the launcher alive and reports a service that stops on its own. */
    private void watch() {
        Set<String> reported = new LinkedHashSet<>();
        while (!stopped) {
            for (ServiceProcess service : services) {
                if (!service.isAlive() && !stopped && reported.add(service.name())) {
                    console.warn("{} has stopped; see {}", service.name(), service.logFile());
                }
            }
            pause(Duration.ofSeconds(2));
        }
    }

    /** Stops the services first (they flush to the broker and store), then the broker and the store. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        services.forEach(ServiceProcess::requestStop);
        services.forEach(service -> service.awaitStop(Duration.ofSeconds(20)));
        broker.stop();
        store.stop();
        mail.stop();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not wipe " + dir, e);
        }
    }
}
