package org.clinicops.demo;

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
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clinicops.demo.AccessTokens.TokenEndpoint.Answer;

/**
 * Signs a user in at the authorization server the way {@code ./clinic token USER} does: the
 * command-line client {@value #CLIENT} (public, PKCE S256), its authorization request answered by
 * the sign-in form, the form posted with the user's name and password, and the code that comes back
 * exchanged for an access token. Each sign-in has its own cookies (session), verifier and state.
 */
final class UserSignIn {

    /** The public client of {@code ./clinic token}: authorization code with PKCE, any loopback port. */
    static final String CLIENT = "clinic-cli";

    static final String REDIRECT = "http://127.0.0.1:8765/callback";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private UserSignIn() {}

    /** One sign-in: the token endpoint's answer, or status 0 when the server does not answer. */
    @FunctionalInterface
    interface SignIn {

        Answer signIn(String username, String password);
    }

    /** Against the authorization server at {@code issuer} (Spring Authorization Server's form login). */
    static SignIn http(URI issuer) {
        String base = issuer.toString().endsWith("/")
                ? issuer.toString().substring(0, issuer.toString().length() - 1)
                : issuer.toString();
        return (username, password) -> {
            try {
                return signIn(base, username, password);
            } catch (IOException e) {
                return new Answer(0, "");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, "");
            }
        };
    }

    private static Answer signIn(String base, String username, String password)
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        String verifier = verifier();
        String state = verifier.substring(0, 16);
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", CLIENT);
        authorize.put("redirect_uri", REDIRECT);
        authorize.put("scope", "openid profile");
        authorize.put("state", state);
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        Optional<String> next = location(browser.send(
                page(base + "/oauth2/authorize?" + form(authorize)), HttpResponse.BodyHandlers.ofString()));
        if (next.isEmpty()) {
            return refused("authorization request not redirected to the sign-in page");
        }
        HttpResponse<String> loginPage = browser.send(page(next.get()), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            return refused("no sign-in form");
        }
        next = location(browser.send(
                post(base + "/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1))),
                HttpResponse.BodyHandlers.ofString()));
        for (int hop = 0; hop < 5 && next.isPresent() && !next.get().startsWith(REDIRECT); hop++) {
            if (next.get().contains("/login")) {
                return refused("invalid_grant"); // back to the form: unknown user or wrong password
            }
            next = location(browser.send(page(next.get()), HttpResponse.BodyHandlers.ofString()));
        }
        Map<String, String> back = next.map(url -> query(URI.create(url))).orElse(Map.of());
        if (!state.equals(back.get("state")) || back.get("code") == null) {
            return refused(back.getOrDefault("error", "no code in the redirect back"));
        }
        HttpResponse<String> token = browser.send(
                post(
                        base + "/oauth2/token",
                        Map.of(
                                "grant_type", "authorization_code",
                                "code", back.get("code"),
                                "redirect_uri", REDIRECT,
                                "client_id", CLIENT,
                                "code_verifier", verifier)),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(token.statusCode(), token.body());
    }

    /** A refusal in the token endpoint's words (an OAuth2 error, never the password). */
    private static Answer refused(String error) {
        return new Answer(401, "{\"error\":\"" + error.replace("\"", "'") + "\"}");
    }

    private static HttpRequest page(String url) {
        // Accept: text/html as a browser sends it: the server then answers with its sign-in page
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private static HttpRequest post(String url, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build();
    }

    private static Optional<String> location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .map(location -> response.uri().resolve(location).toString());
    }

    static String verifier() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The S256 code challenge of a verifier (RFC 7636). */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
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
        String raw = uri.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(
                        pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
