package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clinicops.demo.AccessTokens.TokenEndpoint.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in against a stand-in for Spring Authorization Server's form login: the authorization
 * request sends the browser to the sign-in page, the form (with its CSRF field and the session
 * cookie) signs the user in, the saved request is answered with a code, and the code is exchanged
 * only with the verifier of the challenge the request carried.
 */
class UserSignInTest {

    private static final String PASSWORD = "demo-pw";

    private final HttpServer server = start();
    private final URI issuer =
            URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    private final Map<String, String> authorization = new LinkedHashMap<>();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void signsInWithPkceThroughTheSignInFormAndAnswersTheAccessToken() {
        Answer answer = UserSignIn.http(issuer).signIn("clinician-bos", PASSWORD);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"access_token\":\"token-of-clinician-bos\"");
        assertThat(authorization)
                .containsEntry("client_id", UserSignIn.CLIENT)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", UserSignIn.REDIRECT);
    }

    @Test
    void aWrongPasswordIsARefusalThatDoesNotRepeatThePassword() {
        Answer answer = UserSignIn.http(issuer).signIn("clinician-bos", "wrong-pw");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("invalid_grant").doesNotContain("wrong-pw");
    }

    @Test
    void anAuthorizationServerThatDoesNotAnswerIsStatusZero() {
        server.stop(0);

        assertThat(UserSignIn.http(issuer).signIn("clinician-bos", PASSWORD).status())
                .isZero();
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/oauth2/authorize", exchange -> {
                if ("session-1".equals(cookie(exchange)) && signedIn) {
                    redirect(
                            exchange,
                            authorization.get("redirect_uri") + "?code=code-1&state=" + authorization.get("state"));
                    return;
                }
                authorization.putAll(form(exchange.getRequestURI().getRawQuery()));
                exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=session-1; Path=/");
                redirect(exchange, "/login");
            });
            http.createContext("/login", exchange -> {
                if (exchange.getRequestMethod().equals("GET")) {
                    respond(exchange, 200, "<form><input type=\"hidden\" name=\"_csrf\" value=\"csrf-1\"/></form>");
                    return;
                }
                Map<String, String> fields = form(body(exchange));
                signedIn = "session-1".equals(cookie(exchange))
                        && "csrf-1".equals(fields.get("_csrf"))
                        && PASSWORD.equals(fields.get("password"));
                user = fields.get("username");
                redirect(exchange, signedIn ? "/oauth2/authorize?continue" : "/login?error");
            });
            http.createContext("/oauth2/token", exchange -> {
                Map<String, String> fields = form(body(exchange));
                boolean valid = "code-1".equals(fields.get("code"))
                        && UserSignIn.challenge(fields.get("code_verifier")).equals(authorization.get("code_challenge"))
                        && UserSignIn.CLIENT.equals(fields.get("client_id"));
                respond(
                        exchange,
                        valid ? 200 : 400,
                        valid
                                ? "{\"access_token\":\"token-of-" + user + "\",\"expires_in\":3600}"
                                : "{\"error\":\"invalid_grant\"}");
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean signedIn;
    private String user = "";

    private static String cookie(HttpExchange exchange) {
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        return cookie == null ? "" : cookie.replace("JSESSIONID=", "");
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(
                        pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
