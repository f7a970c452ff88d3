package org.clinicops.e2e;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clinicops.platform.test.AuthServerProcess;

/**
 * Signs a demo user in at the real authorization server the way {@code ./clinic token USER} does:
 * the command-line client's authorization code with PKCE, through the sign-in form, then the code
 * exchanged for an access token. For steps only a person in a role may take (a clinician releasing a
 * clinical hold), where the demo client's ADMIN token would prove less.
 */
final class StaffSignIn {

    private static final String CLIENT = "clinic-cli";
    private static final String REDIRECT = "http://127.0.0.1:8765/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private StaffSignIn() {}

    /** An access token of {@code username}, one of the auth server's demo users. */
    static String accessToken(AuthServerProcess auth, String username) {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String verifier = verifier();
        String state = verifier.substring(0, 12);
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", CLIENT);
        authorize.put("redirect_uri", REDIRECT);
        authorize.put("scope", "openid profile");
        authorize.put("state", state);
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        String next = location(send(browser, page(auth.issuer() + "/oauth2/authorize?" + form(authorize))));
        Matcher csrf = CSRF.matcher(send(browser, page(next)).body());
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in page at " + next + " has no CSRF field");
        }
        next = location(send(
                browser,
                post(
                        auth.issuer() + "/login",
                        Map.of("username", username, "password", auth.demoPassword, "_csrf", csrf.group(1)))));
        for (int hop = 0; hop < 5 && !next.startsWith(REDIRECT); hop++) {
            if (next.contains("/login")) {
                throw new IllegalStateException("sign-in as " + username + " failed");
            }
            next = location(send(browser, page(next)));
        }
        Map<String, String> back = query(URI.create(next));
        if (!state.equals(back.get("state")) || back.get("code") == null) {
            throw new IllegalStateException("no code for " + username + " in the redirect back");
        }
        HttpResponse<String> token = send(
                browser,
                post(
                        auth.issuer() + "/oauth2/token",
                        Map.of(
                                "grant_type", "authorization_code",
                                "code", back.get("code"),
                                "redirect_uri", REDIRECT,
                                "client_id", CLIENT,
                                "code_verifier", verifier)));
        Matcher access = ACCESS_TOKEN.matcher(token.body());
        if (token.statusCode() != 200 || !access.find()) {
            throw new IllegalStateException("token request for " + username + " failed: " + token.statusCode());
        }
        return access.group(1);
    }

    private static HttpRequest page(String url) {
        // Accept: text/html as a browser sends it: the auth server then answers with its sign-in page
        return HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private static HttpRequest post(String url, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(
                        "expected a redirect from " + response.uri() + ", got " + response.statusCode()));
    }

    private static String verifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
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
