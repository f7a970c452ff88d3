package org.clinicops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the running platform is (service ports, broker, store, auth server) and an access token of
 * the demo client ({@code clinic-demo}: ADMIN at every site) for the calls that need one.
 */
public final class Platform {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** The services in the order of their ports (from {@code --port-base}, default 8081). */
    public static final List<String> SERVICES =
            List.of("intake-service", "scheduling-service", "billing-service", "monitoring-service");

    private final String kafka;
    private final String mongo;
    private final URI issuer;
    private final @Nullable Path secretFile;
    private final Path root;
    private final int portBase;
    /** ./clinic up's default CLINIC_JAVA_OPTS; ./clinic bench passes the ones in effect. */
    private List<String> serviceJavaOptions = List.of(
            "-Xms64m", "-Xmx384m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:TieredStopAtLevel=1", "-Xss512k");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private @Nullable String token;
    private long tokenAt;
    private @Nullable Map<String, Integer> servicePorts;
    private @Nullable Map<String, Integer> managementPorts;
    private @Nullable Supplier<String> tokenSource;

    public Platform(String kafka, String mongo, URI issuer, @Nullable Path secretFile, Path root, int portBase) {
        this.portBase = portBase;
        this.kafka = kafka;
        this.mongo = mongo;
        this.issuer = issuer;
        this.secretFile = secretFile;
        this.root = root;
    }

    /**
     * A platform whose services listen on the given ports (not consecutive ones), with tokens from
     * {@code tokens}: e.g. one a test started on free ports.
     */
    public static Platform of(
            String kafka, String mongo, URI issuer, Map<String, Integer> servicePorts, Supplier<String> tokens) {
        return of(kafka, mongo, issuer, servicePorts, Map.of(), tokens);
    }

    /**
     * As {@link #of(String, String, URI, Map, Supplier)}, with each service's management port
     * (metrics, health details) where it is not the service port + 1000.
     */
    public static Platform of(
            String kafka,
            String mongo,
            URI issuer,
            Map<String, Integer> servicePorts,
            Map<String, Integer> managementPorts,
            Supplier<String> tokens) {
        Platform platform = new Platform(kafka, mongo, issuer, null, Path.of("."), 0);
        platform.managementPorts = Map.copyOf(managementPorts);
        for (String service : SERVICES) {
            if (!servicePorts.containsKey(service)) {
                throw new IllegalArgumentException("no port for " + service);
            }
        }
        platform.servicePorts = Map.copyOf(servicePorts);
        platform.tokenSource = tokens;
        return platform;
    }

    public static Platform from(Options options) {
        String secret = options.string("secret-file", "var/auth/demo-client-secret");
        return new Platform(
                        options.string("kafka", "localhost:9092"),
                        options.string("mongo", "mongodb://localhost:27017"),
                        URI.create(options.string("issuer", "http://localhost:9000")),
                        secret.isEmpty() ? null : Path.of(secret),
                        Path.of(options.string("root", ".")),
                        options.integer("port-base", 8081))
                .withServiceJavaOptions(options.string("service-java-opts", ""));
    }

    /** The JVM options services are started with ({@code ./clinic}'s CLINIC_JAVA_OPTS), if given. */
    public Platform withServiceJavaOptions(String options) {
        if (!options.isBlank()) {
            serviceJavaOptions = List.of(options.trim().split("\\s+"));
        }
        return this;
    }

    public List<String> serviceJavaOptions() {
        return serviceJavaOptions;
    }

    /** Kafka bootstrap servers. */
    public String kafka() {
        return kafka;
    }

    /** The store's connection string without a database, e.g. {@code mongodb://localhost:27017}. */
    public String mongo() {
        return mongo;
    }

    /** The auth server that issues the platform's tokens. */
    public URI issuer() {
        return issuer;
    }

    /** The repository root ({@code ./clinic} lives there, state under {@code var/}). */
    public Path root() {
        return root;
    }

    public URI service(String name, String path) {
        return URI.create("http://localhost:" + port(name) + path);
    }

    public int port(String service) {
        int index = SERVICES.indexOf(service);
        if (index < 0) {
            throw new IllegalArgumentException("no service " + service);
        }
        Map<String, Integer> explicit = servicePorts;
        return explicit != null ? explicit.get(service) : portBase + index;
    }

    /**
     * Where a service serves metrics and health details: its management port, the service port +
     * 1000 unless given, bound to localhost.
     */
    public URI management(String name, String path) {
        return URI.create("http://localhost:" + managementPort(name) + path);
    }

    public int managementPort(String service) {
        Map<String, Integer> explicit = managementPorts;
        return explicit != null && explicit.containsKey(service) ? explicit.get(service) : port(service) + 1000;
    }

    /** A GET on the service's management port (no token: Prometheus scrapes it the same way). */
    public HttpResponse<String> getManagement(String service, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(management(service, path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET on the service's management port as the demo client (ADMIN): e.g. its ops views. */
    public HttpResponse<String> getManagementWithToken(String service, String path)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(management(service, path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpClient http() {
        return http;
    }

    /** A bearer token of the demo client, renewed after 30 minutes (tokens live an hour). */
    public synchronized String token() {
        Supplier<String> source = tokenSource;
        if (source != null) {
            return source.get();
        }
        if (token == null
                || System.nanoTime() - tokenAt > Duration.ofMinutes(30).toNanos()) {
            token = fetchToken();
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private String fetchToken() {
        String secret = System.getenv("CLINIC_DEMO_CLIENT_SECRET");
        try {
            if ((secret == null || secret.isBlank()) && secretFile != null) {
                secret = Files.readString(secretFile).strip();
            }
            if (secret == null || secret.isBlank()) {
                throw new IllegalStateException("no secret for the demo client (var/auth/demo-client-secret)");
            }
            String basic =
                    Base64.getEncoder().encodeToString(("clinic-demo:" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            String accessToken = body.path("access_token").asString("");
            if (response.statusCode() != 200 || accessToken.isEmpty()) {
                throw new IllegalStateException("the auth server refused the demo client: " + response.statusCode());
            }
            return accessToken;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the auth server at " + issuer + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String service, String path) {
        return HttpRequest.newBuilder(service(service, path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token());
    }

    public HttpResponse<String> get(String service, String path) throws IOException, InterruptedException {
        return http.send(request(service, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String service, String path, String json)
            throws IOException, InterruptedException {
        return http.send(
                request(service, path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
