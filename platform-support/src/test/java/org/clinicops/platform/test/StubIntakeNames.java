package org.clinicops.platform.test;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Intake's name lookup ({@code GET /api/patients?ids=}) as a staff page sees it, for the tests of
 * pages that show patients' names: the patients it was given, or no answer at all ({@link
 * #down(boolean)}: a 503 from intake's proxy). It records the {@code Authorization} header of each
 * call, so a test can prove the page asked with the signed-in user's own token.
 *
 * <pre>{@code
 * static final StubIntakeNames INTAKE = StubIntakeNames.serving(
 *         "{\"patientId\":\"p_ada\",\"displayName\":\"Ada Lovelace\"}");
 *
 * @DynamicPropertySource
 * static void intake(DynamicPropertyRegistry properties) {
 *     INTAKE.register(properties);
 * }
 *
 * @AfterAll
 * static void stopIntake() {
 *     INTAKE.stop();
 * }
 * }</pre>
 */
public final class StubIntakeNames {

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    private StubIntakeNames(String patientsJson) {
        byte[] body = ("{\"patients\":[" + patientsJson + "]}").getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/patients", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (down) {
                // intake failing: the page must neither wait for names nor show any
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** A started stub answering every lookup with these patients (JSON objects, comma-separated). */
    public static StubIntakeNames serving(String patientsJson) {
        return new StubIntakeNames(patientsJson);
    }

    /** Points the service under test at this stub ({@code clinic.intake.base-url}). */
    public void register(DynamicPropertyRegistry properties) {
        properties.add(
                "clinic.intake.base-url",
                () -> "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Whether intake answers 503 from now on. */
    public void down(boolean down) {
        this.down = down;
    }

    /** The {@code Authorization} header of every lookup so far, oldest first. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public void stop() {
        server.stop(0);
    }
}
