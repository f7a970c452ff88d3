package org.clinicops.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests the container or the firewall refuses before any controller runs are answered like every
 * other refusal: a 400 RFC 9457 problem detail, never Tomcat's HTML page or Boot's {@code
 * {"timestamp":…}} body, and without the refused path or a stack trace. Sent over a raw socket: an
 * HTTP client would normalise or refuse these targets itself.
 */
@ServiceIntegrationTest
class RefusedBeforeTheControllerTest {

    /** Targets Tomcat refuses (encoded slash, NUL, a path above the root) or the firewall refuses. */
    static final List<String> HOSTILE_TARGETS = List.of(
            "/api/samples/%2F",
            "/api/samples/a%2Fb",
            "/api/samples/%00",
            "/api/samples/%25",
            "/api/samples/a%5Cb",
            "/api/samples/a;b=c",
            "/api/samples/%2E%2E",
            "/api/samples/../../..",
            "/api/samples//x",
            "/api/samples/x/..;/y");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void a_path_the_container_or_the_firewall_refuses_is_a_400_problem_detail() throws IOException {
        for (String target : HOSTILE_TARGETS) {
            for (String token : new String[] {TestTokens.admin(), null}) {
                Answer answer = send(port, "GET", target, token, null, null);

                assertIsABadRequestProblem(answer, target);
                assertDoesNotEcho(answer, target);
            }
        }
    }

    @Test
    void a_write_to_a_path_the_container_refuses_is_a_400_problem_detail() throws IOException {
        Answer answer = send(port, "POST", "/api/samples/a%2Fb/archive", TestTokens.admin(), "application/json", "{}");

        assertIsABadRequestProblem(answer, "/api/samples/a%2Fb/archive");
        assertDoesNotEcho(answer, "/api/samples/a%2Fb/archive");
    }

    @Test
    void a_multipart_body_without_a_boundary_is_a_400_problem_detail() throws IOException {
        for (String target : List.of("/api/samples", "/api/notes", "/api/samples/s_1/archive")) {
            for (String token : new String[] {TestTokens.admin(), null}) {
                Answer answer = send(port, "POST", target, token, "multipart/form-data", "{\"name\":\"x\"}");

                assertIsABadRequestProblem(answer, target);
            }
        }
    }

    @Test
    void a_multipart_body_with_a_boundary_but_no_parts_is_refused_with_a_problem_detail() throws IOException {
        for (String token : new String[] {TestTokens.admin(), null}) {
            Answer answer =
                    send(port, "POST", "/api/samples", token, "multipart/form-data; boundary=xyz", "{\"name\":\"x\"}");

            assertThat(answer.status()).as(answer.toString()).isIn(400, 401, 415);
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        }
    }

    @Test
    void a_query_string_tomcat_cannot_decode_is_a_400_problem_detail_on_both_ports() throws IOException {
        Answer api = send(port, "GET", "/api/samples?kind=%zz", TestTokens.admin(), null, null);
        Answer management = send(managementPort, "GET", "/actuator/health?x=%zz", null, null, null);

        assertIsABadRequestProblem(api, "/api/samples?kind=%zz");
        assertIsABadRequestProblem(management, "/actuator/health?x=%zz");
    }

    @Test
    void the_management_port_refuses_such_paths_the_same_way_and_still_serves_health() throws IOException {
        for (String target : List.of("/actuator/%2F", "/actuator/health/%00", "/actuator/health;x=1")) {
            assertIsABadRequestProblem(send(managementPort, "GET", target, null, null, null), target);
        }
        Answer unknown = send(managementPort, "GET", "/actuator/nothing-here", TestTokens.admin(), null, null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.contentType()).as(unknown.toString()).startsWith("application/problem+json");
        assertThat(unknown.body()).doesNotContain("timestamp");

        Answer health = send(managementPort, "GET", "/actuator/health", null, null, null);
        assertThat(health.status()).isIn(200, 503);
        assertThat(health.contentType()).contains("json");
        assertThat(health.body()).contains("\"status\"");
    }

    @Test
    void a_refused_path_asked_for_as_html_is_no_tomcat_page_and_no_stack_trace() throws IOException {
        Answer answer = send(port, "GET", "/api/samples/%2F", null, null, null, "text/html");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Exception", "at org.", "Tomcat");
    }

    private static void assertIsABadRequestProblem(Answer answer, String target) {
        assertThat(answer.status()).as(target + " -> " + answer).isEqualTo(400);
        assertThat(answer.contentType()).as(target + " -> " + answer).startsWith("application/problem+json");
        assertThat(answer.body())
                .as(target + " -> " + answer)
                .contains("\"type\":", "\"title\":", "\"status\":400", "\"detail\":")
                .doesNotContain("timestamp", "<html", "Exception", "trace", "Tomcat");
    }

    /** A refused path is not echoed, neither as sent nor decoded. */
    private static void assertDoesNotEcho(Answer answer, String target) {
        String hostile = target.substring(target.indexOf('/', 1));
        assertThat(answer.body())
                .as("echoes the path: " + answer)
                .doesNotContain(target, hostile, java.net.URLDecoder.decode(hostile, StandardCharsets.UTF_8));
    }

    record Answer(int status, String contentType, String body) {}

    private static Answer send(
            int port,
            String method,
            String target,
            @Nullable String token,
            @Nullable String type,
            @Nullable String body)
            throws IOException {
        return send(port, method, target, token, type, body, "application/json, application/problem+json");
    }

    /** One HTTP/1.1 request over a raw socket, the target sent byte for byte. */
    private static Answer send(
            int port,
            String method,
            String target,
            @Nullable String token,
            @Nullable String type,
            @Nullable String body,
            String accept)
            throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: localhost:")
                .append(port)
                .append("\r\nAccept: ")
                .append(accept)
                .append("\r\nConnection: close\r\n");
        if (token != null) {
            request.append("Authorization: ").append(TestTokens.bearer(token)).append("\r\n");
        }
        if (type != null) {
            request.append("Content-Type: ").append(type).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] raw) {
        int end = indexOf(raw, HEAD_END, 0);
        String head = new String(raw, 0, end < 0 ? raw.length : end, StandardCharsets.ISO_8859_1);
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        return new Answer(status, contentType, new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
    }

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] LINE_END = {'\r', '\n'};

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, LINE_END, at);
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
