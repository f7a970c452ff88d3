package org.clinicops.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the auth server over real HTTP the way a browser and a command-line client do: keeps
 * cookies, does not follow redirects by itself, scrapes the CSRF token from the sign-in form.
 */
final class Browser {

    static final String CLI_CLIENT = "clinic-cli";
    static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A PKCE verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(
                        verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs the authorization-code flow of the CLI client up to the redirect back to it: asks to
     * authorize, is sent to the sign-in page, signs in, follows the redirects. Returns the code, or
     * empty when the auth server never redirected back with one.
     */
    Optional<String> authorizationCode(String username, String password, Pkce pkce) {
        return authorizationCode(CLI_CLIENT, CLI_REDIRECT, username, password, pkce);
    }

    /** The same for any client; without PKCE when {@code pkce} is null. */
    Optional<String> authorizationCode(
            String clientId, String redirectUri, String username, String password, @Nullable Pkce pkce) {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of(
                "response_type", "code",
                "client_id", clientId,
                "redirect_uri", redirectUri,
                "scope", "openid profile",
                "state", "state-1"));
        if (pkce != null) {
            parameters.put("code_challenge", pkce.challenge());
            parameters.put("code_challenge_method", "S256");
        }
        HttpResponse<String> toLogin = get(baseUrl + "/oauth2/authorize?" + form(parameters));
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).endsWith("/login");

        String loginPage = get(location(toLogin)).body();
        Matcher csrf = CSRF.matcher(loginPage);
        assertThat(csrf.find())
                .as("sign-in form has a CSRF token:%n%s", loginPage)
                .isTrue();

        HttpResponse<String> afterLogin =
                post("/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)), null);
        String next = location(afterLogin);
        for (int hop = 0; hop < 5 && !next.startsWith(redirectUri); hop++) {
            if (next.contains("/login")) {
                return Optional.empty();
            }
            next = location(get(next));
        }
        if (!next.startsWith(redirectUri)) {
            return Optional.empty();
        }
        Map<String, String> query = query(URI.create(next));
        assertThat(query).containsEntry("state", "state-1");
        return Optional.ofNullable(query.get("code"));
    }

    /** A GET as a browser sends it (Accept: text/html), to a path or a full URL. */
    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : baseUrl + url))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    /** A GET as an API client sends it (Accept: application/json). */
    HttpResponse<String> api(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    HttpResponse<String> post(String path, Map<String, String> fields, @Nullable String basicAuth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (basicAuth != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    JsonNode tokenForCode(String code, Pkce pkce) {
        HttpResponse<String> response = post(
                "/oauth2/token",
                Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", CLI_REDIRECT,
                        "client_id", CLI_CLIENT,
                        "code_verifier", pkce.verifier()),
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError(
                        "no redirect: " + response.statusCode() + " " + response.uri() + "\n" + response.body()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(
                    pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
