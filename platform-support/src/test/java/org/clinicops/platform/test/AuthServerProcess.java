package org.clinicops.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The local stack's real authorization server ({@code auth-server/target/auth-server-exec.jar}),
 * started as its own process on a free port with fresh secrets, for tests that sign in the way a
 * browser or a script does. Build the jar first ({@code ./mvnw verify} from the root builds it
 * before the services).
 */
public final class AuthServerProcess implements AutoCloseable {

    /** The password of every demo user of this instance. */
    public final String demoPassword = secret();
    /** The secret of the confidential web client {@code clinic-web}. */
    public final String webClientSecret = secret();
    /** The secret of the service client {@code clinic-demo} (ADMIN, every site). */
    public final String demoClientSecret = secret();

    private final int port = freePort();
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private AuthServerProcess(List<String> webRedirectUris) {
        Path root = repositoryRoot();
        Path jar = root.resolve("auth-server/target/auth-server-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: run ./mvnw verify (or package) from the repository root");
        }
        try {
            Path work = Files.createTempDirectory("auth-server");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx192m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar.toString(),
                    "--server.port=" + port,
                    "--clinic.auth.issuer=" + issuer(),
                    "--clinic.auth.key-file=" + work.resolve("signing-key.json")));
            for (int i = 0; i < webRedirectUris.size(); i++) {
                command.add("--clinic.auth.web-redirect-uris[" + i + "]=" + webRedirectUris.get(i));
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("auth-server.log").toFile());
            builder.environment().put("CLINIC_DEMO_PASSWORD", demoPassword);
            builder.environment().put("CLINIC_WEB_CLIENT_SECRET", webClientSecret);
            builder.environment().put("CLINIC_DEMO_CLIENT_SECRET", demoClientSecret);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server; the services whose pages sign in redirect back to these URIs. */
    public static AuthServerProcess start(String... webRedirectUris) {
        AuthServerProcess server = new AuthServerProcess(List.of(webRedirectUris));
        server.awaitUp();
        return server;
    }

    /** The issuer, {@code http://localhost:<port>}. */
    public String issuer() {
        return "http://localhost:" + port;
    }

    /**
     * Properties that point a service at this server: its key set for bearer tokens and its
     * endpoints and client secret for page sign-in.
     */
    public Map<String, String> serviceProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("clinic.security.issuer", issuer());
        properties.put("spring.security.oauth2.client.registration.clinic.client-secret", webClientSecret);
        return properties;
    }

    /** An access token of the demo service client (client credentials): ADMIN at every site. */
    public String clientCredentialsToken() {
        String basic = Base64.getEncoder()
                .encodeToString(("clinic-demo:" + demoClientSecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token =
                    Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException(
                        "token request failed: " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitUp() {
        Awaitility.await("auth server up")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("auth server exited with " + process.exitValue());
                    }
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(URI.create(issuer() + "/actuator/health"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    /** A free local TCP port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository");
        }
        return dir;
    }

    private static String secret() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
