package dk.earlyhelp.local.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.earlyhelp.local.LocalSettings;
import dk.earlyhelp.local.LocalSystem;

/**
 * The whole system as the run command starts it, started once per test JVM on ports of its own
 * (so a developer's running system does not collide) and a fresh data folder.
 */
final class RunningSystem {

    private static LocalSystem system;
    private static LocalSettings settings;

    private RunningSystem() {
    }

    static synchronized LocalSettings get() {
        if (system == null) {
            // Gateway and four services, then the broker and the store: seven consecutive free ports.
            int base = freeRun(7);
            settings = new LocalSettings(Path.of("..").toAbsolutePath().normalize(), newDataDir(), true, false,
                    base, base + 5, base + 6);
            start();
            Runtime.getRuntime().addShutdownHook(new Thread(RunningSystem::stop));
        }
        return settings;
    }

    /** Stops everything and starts it again on the same data, as a user re-running the command would. */
    static synchronized void restart() {
        get();
        stop();
        start();
    }

    static String portal() {
        return get().portalUrl();
    }

    private static void start() {
        system = new LocalSystem(settings);
        system.start();
    }

    private static synchronized void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("earlyhelp-run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first of {@code count} consecutive free ports. */
    private static int freeRun(int count) {
        for (int candidate = 20000 + (int) (ProcessHandle.current().pid() % 2000) * 10; candidate < 60000;
                candidate += count + 7) {
            if (allFree(candidate, count)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free ports");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
