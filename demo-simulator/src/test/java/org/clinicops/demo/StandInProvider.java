package org.clinicops.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for an OpenID provider's browser sign-in on a loopback port, in the shape of the local
 * stack's Spring Authorization Server or of {@code deploy/}'s Keycloak. Both publish a discovery
 * document, take an authorization request of {@value UserSignIn#CLIENT} with PKCE S256, sign the user
 * in through a login form tied to a session cookie, and exchange the code only with the verifier of
 * the request's challenge.
 */
final class StandInProvider implements AutoCloseable {

    enum Shape {
        /**
         * Issuer at the root; {@code /oauth2/authorize} redirects to {@code /login}, whose form posts
         * back to {@code /login} with a {@code _csrf} field; a wrong password redirects to {@code
         * /login?error}, a right one to the saved authorization request.
         */
        SPRING_AUTHORIZATION_SERVER,
        /**
         * Issuer a realm; {@code protocol/openid-connect/auth} answers with the page itself, whose form
         * posts elsewhere ({@code login-actions/authenticate?session_code=…&amp;execution=…}) with hidden
         * fields; its cookies are {@code Secure} (a loopback origin counts as secure) and written with
         * {@code Version=1}; a wrong password answers the form again (200), a right one redirects back.
         */
        KEYCLOAK
    }

    static final String USER = "clinician-bos";
    static final String PASSWORD = "demo-pw";

    private static final String REALM = "/realms/clinicops";
    private static final String SESSION = "session-1";
    private static final String CODE = "code-1";
    /** The query of Keycloak's form action, as the page writes it (HTML-escaped). */
    private static final String ACTION_QUERY =
            "session_code=sc-1&amp;execution=ex-1&amp;client_id=clinic-cli&amp;tab_id=tab-1";

    private final Shape shape;
    private final HttpServer server;
    /** The parameters of the latest authorization request. */
    final Map<String, String> authorization = new ConcurrentHashMap<>();
    /** The fields of the latest login form post. */
    final Map<String, String> posted = new ConcurrentHashMap<>();
    /** The query parameters of the address the login form was posted to. */
    final Map<String, String> postedTo = new ConcurrentHashMap<>();

    private volatile boolean signedIn;
    private volatile String user = "";

    StandInProvider(Shape shape) {
        this.shape = shape;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (shape == Shape.KEYCLOAK) {
            keycloak();
        } else {
            springAuthorizationServer();
        }
        server.start();
    }

    /** The issuer, as tokens and {@code --issuer} name it. */
    URI issuer() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return URI.create(shape == Shape.KEYCLOAK ? root + REALM : root);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void springAuthorizationServer() {
        discovery("", "/oauth2/authorize", "/oauth2/token");
        server.createContext("/oauth2/authorize", exchange -> {
            if (SESSION.equals(cookies(exchange).get("JSESSIONID")) && signedIn) {
                redirect(exchange, backWithCode());
                return;
            }
            authorization.clear();
            authorization.putAll(form(exchange.getRequestURI().getRawQuery()));
            exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=" + SESSION + "; Path=/; HttpOnly");
            redirect(exchange, issuer() + "/login");
        });
        server.createContext("/login", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                // the markup of Spring Security's default login page
                respond(exchange, 200, """
                        <!DOCTYPE html><html lang="en"><head><title>Please sign in</title></head><body>
                        <div class="content">
                          <form class="login-form" method="post" action="/login">
                            <h2>Please sign in</h2>%s
                            <label for="username" class="screenreader">Username</label>
                            <input type="text" id="username" name="username" placeholder="Username" required autofocus>
                            <label for="password" class="screenreader">Password</label>
                            <input type="password" id="password" name="password" placeholder="Password" required>
                            <input name="_csrf" type="hidden" value="csrf-1" />
                            <button type="submit" class="primary">Sign in</button>
                          </form>
                        </div></body></html>""".formatted(
                                exchange.getRequestURI().getQuery() == null
                                        ? ""
                                        : "<div class=\"alert alert-danger\" role=\"alert\">Bad credentials</div>"));
                return;
            }
            Map<String, String> fields = form(body(exchange));
            record(exchange, fields);
            signedIn = SESSION.equals(cookies(exchange).get("JSESSIONID"))
                    && "csrf-1".equals(fields.get("_csrf"))
                    && USER.equals(fields.get("username"))
                    && PASSWORD.equals(fields.get("password"));
            user = fields.getOrDefault("username", "");
            redirect(exchange, signedIn ? "/oauth2/authorize?continue" : "/login?error");
        });
        server.createContext("/oauth2/token", this::token);
    }

    private void keycloak() {
        discovery(REALM, REALM + "/protocol/openid-connect/auth", REALM + "/protocol/openid-connect/token");
        server.createContext(REALM + "/protocol/openid-connect/auth", exchange -> {
            authorization.clear();
            authorization.putAll(form(exchange.getRequestURI().getRawQuery()));
            exchange.getResponseHeaders()
                    .add(
                            "Set-Cookie",
                            "AUTH_SESSION_ID=" + SESSION + "; Version=1; Path=" + REALM
                                    + "/; SameSite=None; Secure; HttpOnly");
            exchange.getResponseHeaders()
                    .add("Set-Cookie", "KC_RESTART=restart-1; Version=1; Path=" + REALM + "/; Secure; HttpOnly");
            respond(exchange, 200, keycloakLoginPage(""));
        });
        server.createContext(REALM + "/login-actions/authenticate", exchange -> {
            if (!SESSION.equals(cookies(exchange).get("AUTH_SESSION_ID"))) {
                respond(exchange, 400, """
                        <html><body><p id="kc-error-message">Cookie not found. Please make sure cookies are \
                        enabled in your browser.</p></body></html>""");
                return;
            }
            Map<String, String> fields = form(body(exchange));
            record(exchange, fields);
            boolean fromTheForm = "sc-1".equals(postedTo.get("session_code"))
                    && "ex-1".equals(postedTo.get("execution"))
                    && "tab-1".equals(postedTo.get("tab_id"))
                    && "".equals(fields.get("credentialId"))
                    && "t-1".equals(fields.get("theme_field"));
            user = fields.getOrDefault("username", "");
            if (fromTheForm && USER.equals(user) && PASSWORD.equals(fields.get("password"))) {
                redirect(exchange, backWithCode() + "&session_state=ss-1&iss=" + encode(issuer().toString()));
                return;
            }
            respond(exchange, 200, keycloakLoginPage("""
                    <span id="input-error" class="kc-feedback-text" aria-live="polite">Invalid username or \
                    password.</span>"""));
        });
        server.createContext(REALM + "/protocol/openid-connect/token", this::token);
    }

    /**
     * Keycloak's login page: the login form, posting to an absolute {@code login-actions} address with
     * {@code &amp;} between its parameters, with Keycloak's hidden {@code credentialId} (empty) and a
     * hidden field a login theme adds; a checkbox and a submit button a browser would not send
     * unclicked; and a second form, "try another way", that is not the login.
     */
    private String keycloakLoginPage(String error) {
        String action = issuer() + "/login-actions/authenticate?" + ACTION_QUERY;
        return """
                <!DOCTYPE html><html class="login-pf"><head><title>Sign in to ClinicOps</title></head><body>
                <div id="kc-content">%s
                  <form id="kc-form-login" onsubmit="login.disabled = true; return true;" action="%s" method="post">
                    <label for="username" class="pf-c-form__label">Username or email</label>
                    <input tabindex="1" id="username" class="pf-c-form-control" name="username" value="%s" type="text" autofocus autocomplete="off" />
                    <label for="password" class="pf-c-form__label">Password</label>
                    <input tabindex="2" id="password" class="pf-c-form-control" name="password" type="password" autocomplete="off" />
                    <input tabindex="3" id="rememberMe" name="rememberMe" type="checkbox"> Remember me
                    <input type="hidden" id="id-hidden-input" name="credentialId"/>
                    <input type="hidden" name="theme_field" value="t-1"/>
                    <input tabindex="4" class="pf-c-button pf-m-primary" name="login" id="kc-login" type="submit" value="Sign In"/>
                  </form>
                  <form id="kc-select-try-another-way-form" action="%s" method="post">
                    <input type="hidden" name="tryAnotherWay" value="on"/>
                  </form>
                </div></body></html>""".formatted(error, action, user, action);
    }

    private void discovery(String path, String authorizationPath, String tokenPath) {
        server.createContext(path + "/.well-known/openid-configuration", exchange -> {
            String root = "http://127.0.0.1:" + server.getAddress().getPort();
            respond(exchange, 200, """
                    {"issuer":"%s","authorization_endpoint":"%s","token_endpoint":"%s",
                     "jwks_uri":"%s","response_types_supported":["code"],
                     "code_challenge_methods_supported":["S256"]}""".formatted(
                            issuer(), root + authorizationPath, root + tokenPath, root + path + "/jwks"));
        });
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> fields = form(body(exchange));
        String verifier = fields.get("code_verifier");
        boolean valid = CODE.equals(fields.get("code"))
                && verifier != null
                && UserSignIn.challenge(verifier).equals(authorization.get("code_challenge"))
                && UserSignIn.CLIENT.equals(fields.get("client_id"))
                && UserSignIn.REDIRECT.equals(fields.get("redirect_uri"));
        respond(
                exchange,
                valid ? 200 : 400,
                valid
                        ? "{\"access_token\":\"token-of-" + user + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                        : "{\"error\":\"invalid_grant\"}");
    }

    private String backWithCode() {
        return authorization.get("redirect_uri") + "?state=" + encode(authorization.getOrDefault("state", ""))
                + "&code=" + CODE;
    }

    private void record(HttpExchange exchange, Map<String, String> fields) {
        posted.clear();
        posted.putAll(fields);
        postedTo.clear();
        postedTo.putAll(form(exchange.getRequestURI().getRawQuery()));
    }

    /** The request's cookies, read as a browser sends them: {@code a=1; b=2}. */
    private static Map<String, String> cookies(HttpExchange exchange) {
        Map<String, String> cookies = new LinkedHashMap<>();
        String header = exchange.getRequestHeaders().getFirst("Cookie");
        for (String pair : header == null ? new String[0] : header.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(
                        pair.substring(0, equals).trim(),
                        pair.substring(equals + 1).trim());
            }
        }
        return cookies;
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
