package dk.earlyhelp.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the local system runs, from environment variables with sensible defaults.
 *
 * @param projectDir where the modules' built jars are
 * @param dataDir    the store's and broker's data, logs and the signing key; kept between runs
 * @param demoData   load the demo catalogue ({@code RUN_DEMO_DATA=false} starts empty; the demo logins remain)
 * @param reset      wipe {@code dataDir} before starting ({@code RUN_RESET=true})
 * @param basePort   the gateway's port; the services take the next four
 * @param kafkaPort  the broker's client port
 * @param mongoPort  the store's port
 * @param smtpPort   the mail catcher's SMTP port, where the services send e-mail
 * @param imapPort   the mail catcher's IMAP port, where the portal's demo mailbox reads it
 */
public record LocalSettings(Path projectDir, Path dataDir, boolean demoData, boolean reset, int basePort,
                            int kafkaPort, int mongoPort, int smtpPort, int imapPort) {

    public static LocalSettings fromEnvironment(Map<String, String> env, Path workingDir) {
        Path project = Path.of(env.getOrDefault("RUN_PROJECT_DIR", workingDir.toString())).toAbsolutePath().normalize();
        return new LocalSettings(project,
                Path.of(env.getOrDefault("RUN_DATA_DIR", project.resolve(".run-data").toString())).toAbsolutePath(),
                !"false".equalsIgnoreCase(env.getOrDefault("RUN_DEMO_DATA", "true")),
                "true".equalsIgnoreCase(env.getOrDefault("RUN_RESET", "false")),
                Integer.parseInt(env.getOrDefault("RUN_BASE_PORT", "8080")),
                Integer.parseInt(env.getOrDefault("RUN_KAFKA_PORT", "9092")),
                Integer.parseInt(env.getOrDefault("RUN_MONGO_PORT", "27017")),
                Integer.parseInt(env.getOrDefault("RUN_SMTP_PORT", "3025")),
                Integer.parseInt(env.getOrDefault("RUN_IMAP_PORT", "3143")));
    }

    public String portalUrl() {
        return "http://localhost:" + basePort;
    }
}
