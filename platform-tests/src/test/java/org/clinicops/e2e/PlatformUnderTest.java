package org.clinicops.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.clinicops.clock.ClinicClock;
import org.clinicops.platform.test.AuthServerProcess;
import org.clinicops.platform.test.NetworkOutage;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole platform for a test: one embedded Kafka broker (KRaft) and one in-memory
 * mongo-java-server in this JVM, the real authorization server and each service started from its
 * packaged jar as its own process, exactly as {@code ./clinic up} runs them. Calls carry a bearer
 * token of the demo client ({@code clinic-demo}: ADMIN at every site) unless they say otherwise.
 *
 * <p>The services run on the test's clock: each is launched with {@code -Dclinic.clock.start} set to
 * the instant that clock reads at its launch (counted from the process's own start, at real speed),
 * so a service restarted later continues the same timeline. Those options on the command line win
 * over {@code JAVA_TOOL_OPTIONS}, which the processes inherit and which would otherwise start each
 * one at the run's configured instant again, at its own launch. The authorization server issues
 * tokens on real time and needs no business clock.
 *
 * <p>A platform built {@link #withCuttableStore(Clock) with a cuttable store} connects each service to
 * the store through a {@link NetworkOutage} of its own, so that a test can take MongoDB away from some
 * services ({@link #cutStore}) while the others keep theirs, and give it back with its data ({@link
 * #restoreStore}). Other platforms connect the services to the store directly.
 */
final class PlatformUnderTest implements AutoCloseable {

    static final List<String> SERVICES =
            List.of("intake-service", "scheduling-service", "billing-service", "monitoring-service");

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoAddress;
    private final Path repoRoot;
    private final Path logDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, NetworkOutage> storeLinks = new LinkedHashMap<>();
    private final boolean cuttableStore;
    private final Clock clock;
    private @Nullable AuthServerProcess auth;
    private @Nullable String token;
    private long tokenFetchedAt;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The platform on {@code clock}: the time its services read (a test chooses it for its rules). */
    PlatformUnderTest(Clock clock) {
        this(clock, false);
    }

    private PlatformUnderTest(Clock clock, boolean cuttableStore) {
        this.clock = clock;
        this.cuttableStore = cuttableStore;
        repoRoot = findRepoRoot();
        logDir = repoRoot.resolve("platform-tests/target/e2e-logs");
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoAddress = "127.0.0.1:" + mongo.getLocalAddress().getPort();
    }

    /**
     * The platform on {@code clock}, each service reaching the store through a link of its own that
     * {@link #cutStore} takes away and {@link #restoreStore} gives back.
     */
    static PlatformUnderTest withCuttableStore(Clock clock) {
        return new PlatformUnderTest(clock, true);
    }

    /** The test's clock that the services' clocks started from (it stands still unless a test moves it). */
    Clock clock() {
        return clock;
    }

    String brokers() {
        return kafka.getBrokersAsString();
    }

    /** The store's connection string without a database (the store itself, never cut). */
    String mongoUri() {
        return "mongodb://" + mongoAddress;
    }

    /**
     * MongoDB is gone for the service: its open connections drop and new ones are refused, until
     * {@link #restoreStore}. Every other service keeps its store.
     */
    void cutStore(String service) {
        storeLink(service).cut();
    }

    /** MongoDB is back for the service, on the same address, with the data it had. */
    void restoreStore(String service) {
        storeLink(service).restore();
    }

    private NetworkOutage storeLink(String service) {
        NetworkOutage link = storeLinks.get(service);
        if (link == null) {
            throw new IllegalStateException(
                    service + " has no store link: build the platform withCuttableStore and start the service");
        }
        return link;
    }

    /** The HTTP port of each service (known once {@link #start()} ran). */
    Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    /** The management port of each service (metrics, health details), free ports as the HTTP ones. */
    Map<String, Integer> managementPorts() {
        return Map.copyOf(managementPorts);
    }

    URI uri(String service, String path) {
        return URI.create("http://localhost:" + ports.get(service) + path);
    }

    /** A path on the service's management port (the service port + 1000 in the local stack). */
    URI managementUri(String service, String path) {
        return URI.create("http://localhost:" + managementPorts.get(service) + path);
    }

    /** A GET on the service's management port, without a token, as Prometheus scrapes. */
    HttpResponse<String> getManagement(String service, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(managementUri(service, path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts the authorization server, then every service, and waits until each reports UP. */
    PlatformUnderTest start() {
        try {
            Files.createDirectories(logDir);
            // this run's lines only (a restarted service appends to its log)
            for (String service : SERVICES) {
                Files.deleteIfExists(logDir.resolve(service + ".log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the ports first: the web client's redirect URIs (page sign-in) name them
        SERVICES.forEach(service -> ports.computeIfAbsent(service, s -> freePort()));
        auth = AuthServerProcess.start(SERVICES.stream()
                .map(service -> uri(service, "/login/oauth2/code/clinic").toString())
                .toArray(String[]::new));
        for (String service : SERVICES) {
            start(service);
        }
        for (String service : SERVICES) {
            awaitHealthy(service);
        }
        return this;
    }

    void start(String service) {
        Path jar = repoRoot.resolve(service + "/target/" + service + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: run ./mvnw verify (or package) from the repository root");
        }
        int port = ports.computeIfAbsent(service, s -> freePort());
        int managementPort = managementPorts.computeIfAbsent(service, s -> freePort());
        String database = service.substring(0, service.indexOf('-'));
        String store = cuttableStore
                ? storeLinks
                        .computeIfAbsent(
                                service,
                                s -> new NetworkOutage(
                                        "127.0.0.1", mongo.getLocalAddress().getPort()))
                        .address()
                : mongoAddress;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m",
                "-Xmx320m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-D" + ClinicClock.START_PROPERTY + "=" + clock.instant(),
                "-D" + ClinicClock.ANCHOR_PROPERTY + "=", // blank: from the process's start, not an inherited anchor
                "-D" + ClinicClock.SPEED_PROPERTY + "=1", // the test's clock runs at real speed
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.mongodb.uri=mongodb://" + store + "/" + database,
                "--spring.kafka.bootstrap-servers=" + brokers(),
                "--clinic.kafka.partitions=1",
                "--clinic.outbox.sweep-interval=1s",
                // the crash test's checks read what no public API shows through the ops views
                "--clinic.ops.views.enabled=true",
                "--clinic.security.issuer=" + authServer().issuer(),
                // intake's keysets (created when missing) under target/, not in the source tree
                "--clinic.intake.encryption.keyset-file=" + logDir.resolveSibling("e2e-keys/field-keyset.json"),
                "--clinic.intake.encryption.match-keyset-file=" + logDir.resolveSibling("e2e-keys/match-keyset.json")));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logDir.resolve(service + ".log").toFile()));
            // as ./clinic up hands it over: in the environment, not on the command line
            builder.environment().put("CLINIC_WEB_CLIENT_SECRET", authServer().webClientSecret);
            Process process = builder.start();
            processes.put(service, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitHealthy(String service) {
        Awaitility.await(service + " healthy")
                // a service starts in well under a minute alone; four at once on a busy 2-core machine take minutes
                .atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Process process = processes.get(service);
                    if (process != null && !process.isAlive()) {
                        throw new IllegalStateException(service + " exited with " + process.exitValue()
                                + "; see platform-tests/target/e2e-logs/" + service + ".log");
                    }
                    try {
                        // 200 only when every health component (MongoDB, Kafka, …) is UP
                        return getManagement(service, "/actuator/health").statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    /** Kills the service's process at once, as a crash would. */
    void kill(String service) throws InterruptedException {
        Process process = processes.remove(service);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    AuthServerProcess authServer() {
        AuthServerProcess server = auth;
        if (server == null) {
            throw new IllegalStateException("the platform was not started");
        }
        return server;
    }

    /**
     * An access token of the demo client from the authorization server, fetched again after 30
     * minutes (it lives an hour).
     */
    synchronized String token() {
        String current = token;
        if (current == null || System.nanoTime() - tokenFetchedAt > TimeUnit.MINUTES.toNanos(30)) {
            current = authServer().clientCredentialsToken();
            token = current;
            tokenFetchedAt = System.nanoTime();
        }
        return current;
    }

    /** GET with the demo client's token. */
    HttpResponse<String> get(String service, String path) throws IOException, InterruptedException {
        return get(service, path, token());
    }

    /** GET with this bearer token, or without any if {@code null}. */
    HttpResponse<String> get(String service, String path, @Nullable String bearer)
            throws IOException, InterruptedException {
        return http.send(request(service, path, bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * GET of an absolute URL a service answered (a bulk export's status or file), or of a service's
     * path, with the demo client's token and these headers.
     */
    HttpResponse<String> get(URI url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token());
        headers.forEach(request::header);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST with the demo client's token. */
    HttpResponse<String> post(String service, String path, String json) throws IOException, InterruptedException {
        return post(service, path, json, token());
    }

    /** POST with this bearer token, or without any if {@code null}. */
    HttpResponse<String> post(String service, String path, String json, @Nullable String bearer)
            throws IOException, InterruptedException {
        return http.send(
                request(service, path, bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String service, String path, @Nullable String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    /** Every line the services and the authorization server logged so far. */
    List<String> logLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String service : SERVICES) {
            Path log = logDir.resolve(service + ".log");
            if (Files.exists(log)) {
                lines.addAll(Files.readAllLines(log));
            }
        }
        Path authLog = authServerLog()
                .orElseThrow(() -> new IllegalStateException("cannot find the authorization server's log"));
        lines.addAll(Files.readAllLines(authLog));
        return lines;
    }

    /**
     * The authorization server's log: AuthServerProcess writes it beside the signing key it names
     * on the command line of its process, a child of this JVM.
     */
    Optional<Path> authServerLog() {
        String keyFileOption = "--clinic.auth.key-file=";
        String issuerOption = "--clinic.auth.issuer=" + authServer().issuer();
        return ProcessHandle.current()
                .children()
                .map(child -> child.info().arguments().orElse(new String[0]))
                .filter(arguments -> List.of(arguments).contains(issuerOption))
                .flatMap(Stream::of)
                .filter(argument -> argument.startsWith(keyFileOption))
                .map(argument ->
                        Path.of(argument.substring(keyFileOption.length())).resolveSibling("auth-server.log"))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
        if (auth != null) {
            auth.close();
        }
        storeLinks.values().forEach(NetworkOutage::close);
        mongo.shutdownNow();
        kafka.destroy();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRepoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
