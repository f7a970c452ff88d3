package org.clinicops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reads through a paged API and an ops view of a stand-in service, as the crash test does. */
class ServiceReadsTest {

    HttpServer server;
    ServiceReads reads;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile long claimedTotal = 250;

    @BeforeEach
    void aServiceWith250AppointmentsAnd2500InboxEntries() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/appointments", this::appointments);
        server.createContext("/actuator/opsviews/inbox", this::inbox);
        server.start();
        int port = server.getAddress().getPort();
        Map<String, Integer> ports = Platform.SERVICES.stream().collect(Collectors.toMap(s -> s, s -> port));
        reads = new ServiceReads(
                Platform.of("unused:9092", "mongodb://unused", URI.create("http://unused"), ports, ports, () -> "t0k"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsEveryPageOfAPagedApiWithTheToken() throws Exception {
        List<JsonNode> all = reads.pages("scheduling-service", "/api/appointments?type=INFUSION");

        assertThat(all).hasSize(250);
        assertThat(all.stream().map(a -> a.path("id").asString()).distinct()).hasSize(250);
        assertThat(requests)
                .filteredOn(r -> r.startsWith("/api/appointments"))
                .containsExactly(
                        "/api/appointments?type=INFUSION&page=0&size=100 Bearer t0k",
                        "/api/appointments?type=INFUSION&page=1&size=100 Bearer t0k",
                        "/api/appointments?type=INFUSION&page=2&size=100 Bearer t0k");
    }

    @Test
    void refusesPagesThatDoNotAddUpToTheTotalTheApiNamed() {
        claimedTotal = 251;

        assertThatThrownBy(() -> reads.pages("scheduling-service", "/api/appointments"))
                .hasMessageContaining("named 251 elements but its pages held 250");
    }

    @Test
    void readsEveryRowOfAnOpsViewOnTheManagementPortFromTheLastIdSeen() throws Exception {
        List<JsonNode> rows = reads.view("billing-service", "inbox");

        assertThat(rows).hasSize(2500);
        assertThat(rows.get(2499).path("eventId").asString()).isEqualTo("evt_2499");
        assertThat(requests)
                .filteredOn(r -> r.startsWith("/actuator"))
                .containsExactly(
                        "/actuator/opsviews/inbox?limit=1000&after= Bearer t0k",
                        "/actuator/opsviews/inbox?limit=1000&after=h%2Fevt_0999 Bearer t0k",
                        "/actuator/opsviews/inbox?limit=1000&after=h%2Fevt_1999 Bearer t0k");
    }

    @Test
    void saysHowToSwitchTheViewsOnWhenAServiceDoesNotServeThem() {
        assertThatThrownBy(() -> reads.view("billing-service", "accounts"))
                .hasMessageContaining("404")
                .hasMessageContaining("clinic.ops.views.enabled=true");
    }

    private void appointments(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(
                exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        int page = Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1"));
        String content = IntStream.range(page * 100, Math.min(250, page * 100 + 100))
                .mapToObj(i -> "{\"id\":\"apt_" + i + "\",\"status\":\"SCHEDULED\"}")
                .collect(Collectors.joining(","));
        respond(
                exchange,
                200,
                "{\"content\":[" + content + "],\"page\":{\"size\":100,\"number\":" + page + ",\"totalElements\":"
                        + claimedTotal + ",\"totalPages\":3}}");
    }

    private void inbox(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        requests.add(
                exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        String after = query.replaceAll(".*after=([^&]*).*", "$1");
        int from = after.isEmpty() ? 0 : Integer.parseInt(after.substring("h/evt_".length())) + 1;
        List<String> rows = new ArrayList<>();
        for (int i = from; i < Math.min(2500, from + 1000); i++) {
            String id = "evt_%04d".formatted(i);
            rows.add("{\"id\":\"h/" + id + "\",\"handler\":\"h\",\"eventId\":\"" + id + "\"}");
        }
        String next = rows.size() < 1000 ? "null" : "\"h/evt_%04d\"".formatted(from + 999);
        respond(exchange, 200, "{\"view\":\"inbox\",\"rows\":[" + String.join(",", rows) + "],\"next\":" + next + "}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
