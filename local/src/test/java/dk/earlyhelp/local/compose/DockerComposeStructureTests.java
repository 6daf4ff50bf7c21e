package dk.earlyhelp.local.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the production-like deployment ({@code docker-compose.yml} and the files under {@code deploy/}) by reading
 * them, since no container engine is needed to run the build. JSON files are read with SnakeYAML: JSON is YAML.
 */
class DockerComposeStructureTests {

    /** Maven runs the tests of this module with the module directory as working directory. */
    private static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Path COMPOSE_FILE = REPO_ROOT.resolve("docker-compose.yml");

    private static final String SHARED_DOCKERFILE = "deploy/Dockerfile";

    /** Java service name (also its Maven module) to the port it listens on. */
    private static final Map<String, Integer> JAVA_SERVICE_PORTS = orderedMap(
            "gateway", 8080,
            "referral-service", 8081,
            "ngo-service", 8082,
            "consent-service", 8083,
            "measurement-service", 8084);

    /** The services that keep data, to the MongoDB database each one owns. */
    private static final Map<String, String> SERVICE_DATABASES = orderedMap(
            "referral-service", "referrals",
            "ngo-service", "ngo",
            "consent-service", "consent",
            "measurement-service", "measurement");

    private static final List<String> INFRASTRUCTURE_SERVICES =
            List.of("kafka", "mongo", "keycloak", "prometheus", "grafana");

    private static final List<String> SERVICES_WITHOUT_REQUIRED_HEALTHCHECK = List.of("prometheus", "grafana");

    private static final List<String> DEMO_USERS = List.of(
            "laerer.aarhus",
            "teamleder.aarhus", "psykolog.aarhus", "sagsbehandler.kbh", "sundhedsplejerske.odense",
            "koordinator.powerkids",
            "koordinator.stroem",
            "koordinator.cykelhjelm",
            "frivillig.powerkids",
            "styregruppe.aarhus",
            "admin");

    private static final List<String> DEMO_CLIENTS = List.of("demo-import", "demo-steering", "demo-case-system");

    private static final String KEYCLOAK_IMPORT_DIR = "/opt/keycloak/data/import/";

    private static Map<String, Object> compose;

    @BeforeAll
    static void loadComposeFile() throws IOException {
        assertThat(COMPOSE_FILE).as("docker-compose.yml at the repository root").isRegularFile();
        compose = map(loadYaml(COMPOSE_FILE));
    }

    @Test
    void declaresEveryPlatformService() {
        List<String> expected = new ArrayList<>(INFRASTRUCTURE_SERVICES);
        expected.addAll(JAVA_SERVICE_PORTS.keySet());

        assertThat(services().keySet()).containsAll(expected);
    }

    @Test
    void usesTheComposeSpecificationWithoutTheObsoleteVersionKey() {
        assertThat(compose).doesNotContainKey("version");
    }

    @Test
    void everyJavaServiceIsBuiltFromTheSharedDockerfileWithItsOwnServiceArg() {
        JAVA_SERVICE_PORTS.keySet().forEach(name -> {
            Map<String, Object> build = map(service(name).get("build"));

            assertThat(build.get("context")).as("%s build context", name).isEqualTo(".");
            assertThat(build.get("dockerfile")).as("%s dockerfile", name).isEqualTo(SHARED_DOCKERFILE);
            assertThat(keyValues(build.get("args"))).as("%s build args", name).containsEntry("SERVICE", name);
        });
    }

    @Test
    void everyBuildDockerfileExists() {
        services().forEach((name, definition) -> {
            Object build = map(definition).get("build");
            if (build == null) {
                return;
            }
            Path context = COMPOSE_FILE.getParent().resolve(buildContext(build)).normalize();
            String dockerfile = build instanceof Map<?, ?> buildMap && buildMap.get("dockerfile") != null
                    ? buildMap.get("dockerfile").toString()
                    : "Dockerfile";

            assertThat(context.resolve(dockerfile)).as("Dockerfile of %s", name).isRegularFile();
        });
    }

    @Test
    void theSharedDockerfileHasItsOwnIgnoreFileThatKeepsBuildOutputOutOfTheContext() throws IOException {
        Path ignoreFile = REPO_ROOT.resolve(SHARED_DOCKERFILE + ".dockerignore");

        assertThat(ignoreFile).isRegularFile();
        assertThat(Files.readAllLines(ignoreFile, StandardCharsets.UTF_8))
                .contains(".git", "**/target", "**/.run-data", "**/node_modules");
    }

    @Test
    void everyJavaServiceListensOnItsOwnPort() {
        JAVA_SERVICE_PORTS.forEach((name, port) -> {
            Map<String, String> environment = environment(name);
            List<String> containerPorts = new ArrayList<>(exposedPorts(name));
            publishedPorts(name).forEach(mapping -> containerPorts.add(mapping.target()));

            assertThat(environment).as("%s environment", name).containsEntry("SERVER_PORT", port.toString());
            assertThat(containerPorts).as("ports of %s", name).contains(port.toString());
        });
    }

    @Test
    void everyJavaServiceHasAHealthCheck() {
        JAVA_SERVICE_PORTS.forEach((name, port) -> assertThat(healthCheckCommand(name))
                .as("health check of %s", name)
                .contains("localhost:" + port + "/actuator/health"));
    }

    @Test
    void everyServiceExceptPrometheusAndGrafanaHasAHealthCheck() {
        services().keySet().stream()
                .filter(name -> !SERVICES_WITHOUT_REQUIRED_HEALTHCHECK.contains(name))
                .forEach(name -> assertThat(healthCheckCommand(name)).as("health check of %s", name).isNotBlank());
    }

    @Test
    void gatewayPublishesPort8080OnTheHost() {
        assertThat(publishedPorts("gateway"))
                .anySatisfy(mapping -> {
                    assertThat(mapping.published()).isEqualTo("8080");
                    assertThat(mapping.target()).isEqualTo("8080");
                });
    }

    @Test
    void onlyTheGatewayPublishesAHostPortAmongTheJavaServices() {
        JAVA_SERVICE_PORTS.keySet().stream()
                .filter(name -> !name.equals("gateway"))
                .forEach(name -> {
                    assertThat(service(name)).as("%s publishes no host port", name).doesNotContainKey("ports");
                    assertThat(exposedPorts(name)).as("%s exposes its port", name)
                            .containsExactly(JAVA_SERVICE_PORTS.get(name).toString());
                });
    }

    @Test
    void mongoRunsAsASingleNodeReplicaSet() {
        List<String> command = stringList(service("mongo").get("command"));

        assertThat(command).contains("--replSet");
        assertThat(command.get(command.indexOf("--replSet") + 1)).isEqualTo("rs0");
        assertThat(healthCheckCommand("mongo")).contains("rs.initiate");
    }

    @Test
    void everyJavaServiceWithDataUsesItsOwnMongoDatabaseInTheReplicaSet() {
        SERVICE_DATABASES.forEach((name, database) -> {
            String uri = environment(name).get("SPRING_MONGODB_URI");
            assertThat(uri).as("SPRING_MONGODB_URI of %s", name).isNotNull().startsWith("mongodb://mongo:27017/");

            URI parsed = URI.create(uri);
            assertThat(parsed.getPath()).as("database of %s", name).isEqualTo("/" + database);
            assertThat(parsed.getQuery()).as("options of %s", name).contains("replicaSet=rs0");
        });
    }

    @Test
    void javaServicesConnectToKafkaAndKeycloakInsideTheComposeNetwork() {
        SERVICE_DATABASES.keySet().forEach(name -> {
            Map<String, String> environment = environment(name);

            assertThat(environment).as("%s environment", name)
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "kafka:9092")
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                            "http://keycloak:8080/realms/early-help/protocol/openid-connect/certs")
                    .containsEntry("EARLYHELP_DEMO_DATA", "true");
        });
    }

    @Test
    void gatewayLogsInThroughKeycloakWithTheBrowserFacingIssuer() {
        Map<String, String> environment = environment("gateway");

        assertThat(environment)
                .containsEntry("EARLYHELP_IDENTITY_EMBEDDED", "false")
                .containsEntry("EARLYHELP_IDENTITY_ISSUER", "http://localhost:8180/realms/early-help")
                .containsEntry("EARLYHELP_IDENTITY_AUTHORIZATION_URI",
                        "http://localhost:8180/realms/early-help/protocol/openid-connect/auth")
                .containsEntry("EARLYHELP_IDENTITY_TOKEN_URI",
                        "http://keycloak:8080/realms/early-help/protocol/openid-connect/token");
        assertThat(environment("keycloak"))
                .containsEntry("KC_HOSTNAME", "http://localhost:8180")
                .containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        assertThat(publishedPorts("keycloak")).anySatisfy(mapping -> {
            assertThat(mapping.published()).isEqualTo("8180");
            assertThat(mapping.target()).isEqualTo("8080");
        });
    }

    @Test
    void javaServicesStartOnlyOnceTheirDependenciesAreHealthy() {
        SERVICE_DATABASES.keySet().forEach(name -> assertThat(healthyDependencies(name))
                .as("dependencies of %s", name)
                .contains("kafka", "mongo", "keycloak"));

        assertThat(healthyDependencies("gateway")).containsAll(SERVICE_DATABASES.keySet());
    }

    @Test
    void namedVolumesAreDeclaredAndUsed() {
        Map<String, Object> declared = compose.get("volumes") == null ? Map.of() : map(compose.get("volumes"));
        List<String> used = services().keySet().stream()
                .flatMap(name -> volumeMounts(name).stream())
                .filter(VolumeMount::isNamedVolume)
                .map(VolumeMount::source)
                .distinct()
                .toList();

        assertThat(declared).as("top-level named volumes").isNotEmpty();
        assertThat(used).as("named volumes used by services").containsExactlyInAnyOrderElementsOf(declared.keySet());
        assertThat(volumeMounts("kafka")).anyMatch(VolumeMount::isNamedVolume);
        assertThat(volumeMounts("mongo")).anyMatch(VolumeMount::isNamedVolume);
    }

    @Test
    void everyBindMountedFileOrDirectoryExists() {
        services().keySet().forEach(name -> volumeMounts(name).stream()
                .filter(mount -> !mount.isNamedVolume())
                .forEach(mount -> assertThat(resolveHostPath(mount.source()))
                        .as("bind mount %s of %s", mount.source(), name)
                        .exists()));
    }

    @Test
    void keycloakImportsARealmFileWithEveryDemoUserAndClient() throws IOException {
        Map<String, Object> realm = map(loadYaml(keycloakRealmFile()));

        assertThat(realm.get("realm")).isEqualTo("early-help");
        assertThat(realm.get("accessTokenLifespan")).isEqualTo(300);
        assertThat(names(realm.get("users"), "username")).containsAll(DEMO_USERS);
        assertThat(names(realm.get("clients"), "clientId")).contains("portal").containsAll(DEMO_CLIENTS);
    }

    @Test
    void everyDemoUserHasThePasswordDemoAndTheOrganisationAttributes() throws IOException {
        Map<String, Object> realm = map(loadYaml(keycloakRealmFile()));

        listOfMaps(realm.get("users")).forEach(user -> {
            Object username = user.get("username");
            Map<String, Object> attributes = map(user.get("attributes"));

            assertThat(attributes).as("attributes of %s", username).containsKeys("roles", "org_type", "org");
            assertThat(listOfMaps(user.get("credentials"))).as("credentials of %s", username)
                    .anySatisfy(credential -> {
                        assertThat(credential.get("type")).isEqualTo("password");
                        assertThat(credential.get("value")).isEqualTo("demo");
                        assertThat(credential.get("temporary")).isEqualTo(false);
                    });
        });
    }

    @Test
    void demoClientsAreServiceAccountsWithHardCodedClaims() throws IOException {
        Map<String, Object> realm = map(loadYaml(keycloakRealmFile()));

        listOfMaps(realm.get("clients")).stream()
                .filter(client -> DEMO_CLIENTS.contains(client.get("clientId")))
                .forEach(client -> {
                    Object clientId = client.get("clientId");
                    assertThat(client.get("serviceAccountsEnabled")).as("%s service account", clientId).isEqualTo(true);
                    assertThat(client.get("standardFlowEnabled")).as("%s browser login", clientId).isEqualTo(false);
                    assertThat(client.get("secret")).as("%s secret", clientId).isEqualTo(clientId + "-secret");
                    assertThat(listOfMaps(client.get("protocolMappers")).stream()
                            .filter(mapper -> "oidc-hardcoded-claim-mapper".equals(mapper.get("protocolMapper")))
                            .map(mapper -> map(mapper.get("config")).get("claim.name")))
                            .as("hard-coded claims of %s", clientId)
                            .contains("roles", "org_type", "org", "partnerships", "name");
                });
    }

    @Test
    void prometheusScrapesEveryJavaServiceAtTheActuatorEndpoint() throws IOException {
        Path configFile = bindMountSource("prometheus", "/etc/prometheus/prometheus.yml");
        Map<String, Object> config = map(loadYaml(configFile));

        List<String> actuatorTargets = listOfMaps(config.get("scrape_configs")).stream()
                .filter(job -> "/actuator/prometheus".equals(job.get("metrics_path")))
                .flatMap(job -> listOfMaps(job.get("static_configs")).stream())
                .flatMap(staticConfig -> stringList(staticConfig.get("targets")).stream())
                .toList();

        JAVA_SERVICE_PORTS.forEach((name, port) -> assertThat(actuatorTargets).contains(name + ":" + port));
    }

    @Test
    void grafanaDashboardShowsTheOutboxBacklogAndHttpLatency() throws IOException {
        Path dashboards = bindMountSource("grafana", "/etc/grafana/dashboards");
        String dashboard = Files.readString(dashboards.resolve("early-help.json"), StandardCharsets.UTF_8);

        assertThat(loadYaml(dashboards.resolve("early-help.json"))).isInstanceOf(Map.class);
        assertThat(dashboard).contains("earlyhelp_outbox_pending", "http_server_requests_seconds_bucket",
                "jvm_memory_used_bytes");
    }

    // ------------------------------------------------------------------ helpers

    private record PortMapping(String published, String target) {
    }

    private record VolumeMount(String source, String target) {

        boolean isNamedVolume() {
            return source != null && !source.isEmpty()
                    && !source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~");
        }
    }

    private static Path keycloakRealmFile() {
        VolumeMount realmMount = volumeMounts("keycloak").stream()
                .filter(mount -> mount.target().startsWith(KEYCLOAK_IMPORT_DIR) && mount.target().endsWith(".json"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("keycloak mounts no realm file into " + KEYCLOAK_IMPORT_DIR));
        Path realmFile = resolveHostPath(realmMount.source());
        assertThat(realmFile).as("realm file mounted into Keycloak").isRegularFile();
        return realmFile;
    }

    private static Path bindMountSource(String service, String target) {
        VolumeMount mount = volumeMounts(service).stream()
                .filter(candidate -> candidate.target().equals(target))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " mounts nothing at " + target));
        Path source = resolveHostPath(mount.source());
        assertThat(source).as("%s mount for %s", service, target).exists();
        return source;
    }

    private static Path resolveHostPath(String source) {
        return COMPOSE_FILE.getParent().resolve(source).normalize();
    }

    private static Object loadYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml().load(reader);
        }
    }

    private static Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private static Map<String, Object> service(String name) {
        Object definition = services().get(name);
        assertThat(definition).as("service %s", name).isNotNull();
        return map(definition);
    }

    private static String buildContext(Object build) {
        if (build instanceof String context) {
            return context;
        }
        Object context = map(build).get("context");
        return context == null ? "." : context.toString();
    }

    /** The environment as a map, whichever of the two Compose syntaxes (map or KEY=VALUE list) is used. */
    private static Map<String, String> environment(String name) {
        return keyValues(service(name).get("environment"));
    }

    private static Map<String, String> keyValues(Object mapOrList) {
        Map<String, String> result = new LinkedHashMap<>();
        if (mapOrList instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(key.toString(), value == null ? null : value.toString()));
        } else if (mapOrList instanceof List<?> items) {
            items.forEach(item -> {
                String entry = item.toString();
                int separator = entry.indexOf('=');
                if (separator < 0) {
                    result.put(entry, null);
                } else {
                    result.put(entry.substring(0, separator), entry.substring(separator + 1));
                }
            });
        }
        return result;
    }

    private static String healthCheckCommand(String name) {
        Object healthcheck = service(name).get("healthcheck");
        if (healthcheck == null || Boolean.TRUE.equals(map(healthcheck).get("disable"))) {
            return "";
        }
        Object test = map(healthcheck).get("test");
        if (test instanceof List<?> parts) {
            List<String> words = parts.stream().map(Object::toString).toList();
            return words.isEmpty() || words.get(0).equals("NONE") ? "" : String.join(" ", words);
        }
        return test == null ? "" : test.toString();
    }

    private static List<String> exposedPorts(String name) {
        return stringList(service(name).get("expose"));
    }

    private static List<PortMapping> publishedPorts(String name) {
        Object ports = service(name).get("ports");
        if (ports == null) {
            return List.of();
        }
        List<PortMapping> mappings = new ArrayList<>();
        for (Object port : (List<?>) ports) {
            if (port instanceof Map<?, ?> longSyntax) {
                mappings.add(new PortMapping(Objects.toString(longSyntax.get("published"), null),
                        Objects.toString(longSyntax.get("target"), null)));
                continue;
            }
            String spec = port.toString();
            int protocol = spec.indexOf('/');
            if (protocol >= 0) {
                spec = spec.substring(0, protocol);
            }
            String[] parts = spec.split(":");
            String target = parts[parts.length - 1];
            String published = parts.length >= 2 ? parts[parts.length - 2] : null;
            mappings.add(new PortMapping(published, target));
        }
        return mappings;
    }

    private static List<VolumeMount> volumeMounts(String name) {
        Object volumes = service(name).get("volumes");
        if (volumes == null) {
            return List.of();
        }
        List<VolumeMount> mounts = new ArrayList<>();
        for (Object volume : (List<?>) volumes) {
            if (volume instanceof Map<?, ?> longSyntax) {
                mounts.add(new VolumeMount(Objects.toString(longSyntax.get("source"), null),
                        Objects.toString(longSyntax.get("target"), null)));
                continue;
            }
            String[] parts = volume.toString().split(":");
            if (parts.length == 1) {
                mounts.add(new VolumeMount(null, parts[0]));
            } else {
                mounts.add(new VolumeMount(parts[0], parts[1]));
            }
        }
        return mounts;
    }

    private static List<String> healthyDependencies(String name) {
        Object dependsOn = service(name).get("depends_on");
        if (!(dependsOn instanceof Map<?, ?> conditions)) {
            return List.of();
        }
        return conditions.entrySet().stream()
                .filter(entry -> Optional.ofNullable(entry.getValue())
                        .map(condition -> map(condition).get("condition"))
                        .filter("service_healthy"::equals)
                        .isPresent())
                .map(entry -> entry.getKey().toString())
                .collect(Collectors.toList());
    }

    private static List<Object> names(Object items, String key) {
        return listOfMaps(items).stream().map(item -> item.get(key)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<Map<String, Object>> listOfMaps(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(DockerComposeStructureTests::map).toList();
    }

    private static List<String> stringList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            return items.stream().map(Object::toString).toList();
        }
        return List.of(value.toString().trim().split("\\s+"));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> result = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            result.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return result;
    }
}
