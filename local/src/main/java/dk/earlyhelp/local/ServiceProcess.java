package dk.earlyhelp.local;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service of the system as a child JVM: started from its module's runnable jar, output in its
 * own log file, ready when its readiness probe says so, stopped with SIGTERM (graceful) and, if it
 * hangs, killed. Public for the fault-tolerance tests, which stop, kill and restart services.
 */
public final class ServiceProcess {

    /** Small heaps and the C1 compiler only: six JVMs share two cores and start in seconds. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final List<String> arguments;
    private Process process;
    private Path logFile;

    public ServiceProcess(String name, int port, List<String> arguments) {
        this.name = name;
        this.port = port;
        this.arguments = List.copyOf(arguments);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public void start(Path projectDir, Path logDir) {
        Path jar = runnableJar(projectDir.resolve(name).resolve("target"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        logFile = logDir.resolve(name + ".log");
        try {
            Files.createDirectories(logDir);
            process = new ProcessBuilder(command).directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Whether the service answers its readiness probe with 200 (store and broker included). */
    public boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the JVM to shut down gracefully; returns at once. */
    public void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Waits for the stop, killing the process (and anything it started) if it takes too long. */
    public void awaitStop(Duration grace) {
        if (process == null) {
            return;
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: the JVM dies at once, without shutdown hooks or a graceful stop, as in a crash. */
    public void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code of a process that has ended; fails while it runs. */
    public int exitCode() {
        return process.exitValue();
    }

    private Path runnableJar(Path targetDir) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(targetDir, name + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            // Reported below as "not built".
        }
        throw new IllegalStateException(name + " is not built: no " + name + "-*-exec.jar in " + targetDir
                + ". Build first: mvn -B -DskipTests package");
    }
}
