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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clinicops.demo.AccessTokens.TokenEndpoint.Answer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a user in at an OpenID Connect provider as a person does in a browser, and as {@code
 * ./clinic token USER} does at the local one: the command-line client {@value #CLIENT} (public, PKCE
 * S256) asks for a code, the provider answers with its sign-in page, the page's login form is posted
 * with the user's name and password, and the code that comes back is exchanged for an access token.
 *
 * <p>Only standard means, so it works against the local stack's Spring Authorization Server and
 * against Keycloak ({@code deploy/}) alike: the endpoints come from the issuer's discovery document
 * ({@code <issuer>/.well-known/openid-configuration}); the login form is the page's form with a
 * password field, posted to its {@code action} (relative to the page, or absolute, as Keycloak's
 * {@code login-actions/authenticate?session_code=…} is) with every hidden field it holds (Spring's
 * {@code _csrf}, Keycloak's {@code credentialId}); redirects are followed with the cookies kept until
 * the browser is sent back to {@value #REDIRECT}. A login form again after posting means the name or
 * password was wrong. Each sign-in has its own cookies, verifier and state.
 */
public final class UserSignIn {

    /** The public client of {@code ./clinic token}: authorization code with PKCE, any loopback port. */
    static final String CLIENT = "clinic-cli";

    static final String REDIRECT = "http://127.0.0.1:8765/callback";

    /** More redirects than this in a row is a loop, not a sign-in. */
    private static final int MAX_REDIRECTS = 10;

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private UserSignIn() {}

    /**
     * An access token of {@code username}, signed in with {@code password} at the provider {@code
     * issuer} (its URL as tokens name it: {@code http://localhost:9000}, or a Keycloak realm's {@code
     * http://localhost:8180/realms/clinicops}).
     *
     * @throws IllegalStateException when the provider does not answer or refuses the sign-in; the
     *     message names the user and the OAuth2 error ({@code invalid_grant} for a wrong password),
     *     never the password
     */
    public static String accessToken(URI issuer, String username, String password) {
        return AccessTokens.Renewing.issued(http(issuer).signIn(username, password), "user " + username)
                .accessToken();
    }

    /** One sign-in: the token endpoint's answer, or status 0 when the provider does not answer. */
    @FunctionalInterface
    interface SignIn {

        Answer signIn(String username, String password);
    }

    /** Against the provider {@code issuer}, its endpoints discovered at each sign-in. */
    static SignIn http(URI issuer) {
        return (username, password) -> {
            try {
                return signIn(issuer, username, password);
            } catch (Refused e) {
                return refused(e.error);
            } catch (IOException e) {
                return new Answer(0, "");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, "");
            }
        };
    }

    private static Answer signIn(URI issuer, String username, String password)
            throws IOException, InterruptedException, Refused {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new BrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER) // followed here, to stop at the redirect URI
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        Endpoints endpoints = discover(browser, issuer);
        String verifier = verifier();
        String state = verifier();
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", CLIENT);
        authorize.put("redirect_uri", REDIRECT);
        authorize.put("scope", "openid profile");
        authorize.put("state", state);
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        String separator = endpoints.authorization().getRawQuery() == null ? "?" : "&";
        HttpResponse<String> signInPage =
                follow(browser, page(URI.create(endpoints.authorization() + separator + form(authorize))));
        URI back = sentBack(signInPage).isPresent()
                ? sentBack(signInPage).get() // still signed in: no form (not with a fresh cookie jar)
                : postLoginForm(browser, signInPage, username, password);
        Map<String, String> answer = query(back);
        if (answer.containsKey("error")) {
            throw new Refused(answer.get("error"));
        }
        String code = answer.get("code");
        if (code == null || !state.equals(answer.get("state"))) {
            throw new Refused("no code for this request in the redirect back");
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", REDIRECT);
        exchange.put("client_id", CLIENT);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> token = browser.send(
                HttpRequest.newBuilder(endpoints.token())
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form(exchange)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(token.statusCode(), token.body());
    }

    /** Posts the page's login form with the user's credentials; where the provider then sends the browser back. */
    private static URI postLoginForm(HttpClient browser, HttpResponse<String> page, String username, String password)
            throws IOException, InterruptedException, Refused {
        Optional<FormElement> login = loginForm(page);
        if (login.isEmpty()) {
            throw new Refused("no sign-in form at " + where(page) + " (HTTP " + page.statusCode() + ")");
        }
        HttpResponse<String> landed =
                follow(browser, post(action(login.get(), page.uri()), credentials(login.get(), username, password)));
        Optional<URI> back = sentBack(landed);
        if (back.isPresent()) {
            return back.get();
        }
        if (loginForm(landed).isPresent()) {
            throw new Refused("invalid_grant"); // the form again: unknown user or wrong password
        }
        throw new Refused("the sign-in ended at " + where(landed) + " (HTTP " + landed.statusCode()
                + "), not back at the client");
    }

    /** The two endpoints a sign-in uses, from the provider's discovery document. */
    private record Endpoints(URI authorization, URI token) {}

    private static Endpoints discover(HttpClient http, URI issuer) throws IOException, InterruptedException, Refused {
        String base = issuer.toString();
        URI configuration = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/.well-known/openid-configuration");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(configuration)
                        .timeout(TIMEOUT)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode document = response.statusCode() == 200 ? parse(response.body()) : JSON.createObjectNode();
        String authorization = document.path("authorization_endpoint").asString("");
        String token = document.path("token_endpoint").asString("");
        if (authorization.isBlank() || token.isBlank()) {
            throw new Refused(
                    "no OpenID provider configuration at " + configuration + " (HTTP " + response.statusCode() + ")");
        }
        try {
            return new Endpoints(URI.create(authorization), URI.create(token));
        } catch (IllegalArgumentException e) {
            throw new Refused("the endpoints at " + configuration + " are not URLs");
        }
    }

    /** Sends the request and, as a browser, follows redirects until a page or the redirect URI. */
    private static HttpResponse<String> follow(HttpClient browser, HttpRequest request)
            throws IOException, InterruptedException, Refused {
        HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
        for (int redirects = 0; ; redirects++) {
            Optional<URI> next = location(response);
            if (next.isEmpty() || isRedirectUri(next.get())) {
                return response;
            }
            if (redirects == MAX_REDIRECTS) {
                throw new Refused("more than " + MAX_REDIRECTS + " redirects from " + where(response));
            }
            response = browser.send(page(next.get()), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Where a response sends the browser back to the client, if it does. */
    private static Optional<URI> sentBack(HttpResponse<String> response) {
        return location(response).filter(UserSignIn::isRedirectUri);
    }

    private static boolean isRedirectUri(URI uri) {
        URI redirect = URI.create(REDIRECT);
        return redirect.getScheme().equalsIgnoreCase(uri.getScheme())
                && redirect.getHost().equalsIgnoreCase(uri.getHost())
                && redirect.getPort() == uri.getPort()
                && redirect.getPath().equals(uri.getPath());
    }

    /** The page's login form: the one with a password field. */
    private static Optional<FormElement> loginForm(HttpResponse<String> page) {
        return Jsoup.parse(page.body(), page.uri().toString()).select("form").forms().stream()
                .filter(form -> form.elements().stream().anyMatch(field -> field.is("input[type=password]")))
                .findFirst();
    }

    /** Where the form posts: its {@code action} resolved against the page (entities decoded), else the page. */
    private static URI action(FormElement form, URI page) throws Refused {
        if (form.attr("action").isBlank()) {
            return page;
        }
        try {
            return URI.create(form.absUrl("action"));
        } catch (IllegalArgumentException e) {
            throw new Refused("the sign-in form at " + where(page) + " posts to no URL");
        }
    }

    /** Every hidden field of the form as the page set it, then the user's name and password. */
    private static Map<String, String> credentials(FormElement form, String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element field : form.elements()) {
            if (field.is("input[type=hidden][name]")) {
                fields.put(field.attr("name"), field.val());
            }
        }
        fields.put("username", username);
        fields.put("password", password);
        return fields;
    }

    /** A refusal in the token endpoint's words (an OAuth2 error, never the password). */
    private static Answer refused(String error) {
        return new Answer(401, JSON.createObjectNode().put("error", error).toString());
    }

    /** A page's address for messages: without its query, which may carry session codes. */
    private static String where(HttpResponse<String> response) {
        return where(response.uri());
    }

    private static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    private static HttpRequest page(URI url) {
        // Accept: text/html as a browser sends it: the server then answers with its sign-in page
        return HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private static HttpRequest post(URI url, Map<String, String> fields) {
        return HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build();
    }

    private static Optional<URI> location(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            return Optional.empty();
        }
        return response.headers()
                .firstValue("Location")
                .map(location -> response.uri().resolve(location));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isBlank() ? "{}" : body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    /** A fresh random value for a PKCE verifier or a state: 32 bytes, base64url. */
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

    /** A step of the sign-in that went wrong; its message is the error the caller sees. */
    private static final class Refused extends Exception {

        private final String error;

        Refused(String error) {
            super(error, null, false, false);
            this.error = error;
        }
    }

    /**
     * Cookies as a browser keeps and sends them (RFC 6265: {@code Cookie: a=1; b=2}, whatever
     * version the server set them with). A browser counts a loopback origin ({@code localhost},
     * {@code 127.0.0.1}, {@code [::1]}) as secure and sends it {@code Secure} cookies over plain http
     * too; the JDK's {@link CookieManager} sends them only over https. Keycloak marks its sign-in
     * cookies {@code Secure} on such an origin ({@code http://localhost:8180} in {@code deploy/}), so
     * without this the login form would reach it without its session ("Cookie not found").
     */
    static final class BrowserCookies extends CookieManager {

        private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            // the store hands out Secure cookies only for an https URI: a loopback one counts as such
            URI asStored = isLoopback(uri)
                    ? URI.create(
                            "https" + uri.toString().substring(uri.getScheme().length()))
                    : uri;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String cookies = getCookieStore().get(asStored).stream()
                    .filter(cookie -> cookie.getPath() == null || path.startsWith(cookie.getPath()))
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
            return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies));
        }

        static boolean isLoopback(URI uri) {
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return host.equals("localhost")
                    || host.endsWith(".localhost")
                    || LOOPBACK_V4.matcher(host).matches()
                    || host.equals("[::1]");
        }
    }
}
