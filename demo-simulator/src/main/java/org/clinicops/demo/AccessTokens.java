package org.clinicops.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.clinicops.clock.ClinicClock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the simulator's bearer token comes from. {@link #current()} is sent with every call;
 * {@link #renew()} is asked once when a service answers 401 (the token expired early, or the
 * authorization server was restarted with a new key).
 */
interface AccessTokens {

    /** The token to send now, or {@code null} to call without one. */
    @Nullable
    String current();

    /**
     * A fresh token after a service refused {@code rejected}; the same token if it cannot be
     * renewed. Callers that were refused the same token at once share one renewal.
     */
    @Nullable
    String renew(@Nullable String rejected);

    /** No token at all. */
    static AccessTokens none() {
        return fixed(null);
    }

    /** A token given on the command line: sent as it is, never renewed. */
    static AccessTokens fixed(@Nullable String token) {
        return new AccessTokens() {
            @Override
            public @Nullable String current() {
                return token;
            }

            @Override
            public @Nullable String renew(@Nullable String rejected) {
                return token;
            }
        };
    }

    /**
     * A token kept until shortly before it expires ({@link #MARGIN}, at most half its lifetime), then
     * fetched again by {@link #issue()}; a rejected one is renewed once however many calls it failed.
     */
    abstract class Renewing implements AccessTokens {

        /** Renew this long before expiry, so no call carries a token that expires on the way. */
        static final Duration MARGIN = Duration.ofSeconds(30);

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final Clock clock;
        private @Nullable String token;
        private Instant renewAt = Instant.MIN;

        Renewing(Clock clock) {
            this.clock = clock;
        }

        /** A new access token and its lifetime; throws when the authorization server refuses one. */
        abstract Issued issue();

        record Issued(String accessToken, long lifetimeSeconds) {}

        @Override
        public final synchronized String current() {
            String valid = token;
            if (valid != null && clock.instant().isBefore(renewAt)) {
                return valid;
            }
            return fetch();
        }

        @Override
        public final synchronized String renew(@Nullable String rejected) {
            String latest = token;
            if (latest != null && !latest.equals(rejected)) {
                return latest; // another call renewed it in the meantime
            }
            return fetch();
        }

        private String fetch() {
            Issued issued = issue();
            long lifetime = issued.lifetimeSeconds();
            // renew after MARGIN before expiry, but never sooner than half-way through a short lifetime
            long early = Math.min(MARGIN.toSeconds(), lifetime / 2);
            renewAt = clock.instant().plusSeconds(lifetime - early);
            token = issued.accessToken();
            return issued.accessToken();
        }

        /**
         * The token of a token endpoint's answer; {@code who} names the client or user (never a
         * secret) in the error when there is none.
         */
        static Issued issued(TokenEndpoint.Answer answer, String who) {
            JsonNode body = parse(answer.body());
            String accessToken = body.path("access_token").asString("");
            if (answer.status() == 0) {
                throw new IllegalStateException("the authorization server does not answer: start it with ./clinic up");
            }
            if (answer.status() != 200 || accessToken.isBlank()) {
                // the body of a refusal is an OAuth2 error ({"error":"invalid_client"}), never a secret
                throw new IllegalStateException("the authorization server refused a token for " + who + ": HTTP "
                        + answer.status() + " " + body.path("error").asString(""));
            }
            return new Issued(accessToken, body.path("expires_in").asLong(300));
        }

        private static JsonNode parse(String body) {
            try {
                return JSON.readTree(body.isBlank() ? "{}" : body);
            } catch (RuntimeException e) {
                return JSON.createObjectNode();
            }
        }
    }

    /**
     * Tokens of a confidential client from the authorization server's token endpoint (client
     * credentials grant, HTTP Basic client authentication),
     * fetched when first needed and again shortly before the previous one expires.
     */
    final class ClientCredentials extends Renewing {

        private final TokenEndpoint endpoint;
        private final String basicCredentials;

        ClientCredentials(TokenEndpoint endpoint, String clientId, String clientSecret, Clock clock) {
            super(clock);
            this.endpoint = endpoint;
            this.basicCredentials = Base64.getEncoder()
                    .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Against a real authorization server's token endpoint. Renewal follows real time: the server
         * issues tokens on its own real-time clock, whatever {@code clinic.clock.start} says.
         */
        static ClientCredentials of(String tokenUri, String clientId, String clientSecret) {
            return new ClientCredentials(
                    TokenEndpoint.http(URI.create(tokenUri)), clientId, clientSecret, ClinicClock.realTime());
        }

        @Override
        Issued issue() {
            return issued(endpoint.request(basicCredentials, "grant_type=client_credentials"), "the demo client");
        }
    }

    /**
     * Tokens of one of the authorization server's users, who signs in as a person does (authorization
     * code with PKCE through the sign-in form, {@link UserSignIn}), again shortly before the previous
     * token expires: for the steps only that person may take (a physician's decision to treat).
     */
    final class SignedInUser extends Renewing {

        private final UserSignIn.SignIn signIn;
        private final String username;
        private final String password;

        SignedInUser(UserSignIn.SignIn signIn, String username, String password, Clock clock) {
            super(clock);
            this.signIn = signIn;
            this.username = username;
            this.password = password;
        }

        /** Against a real authorization server (renewal on real time, as for the client's tokens). */
        static SignedInUser of(String issuer, String username, String password) {
            return new SignedInUser(UserSignIn.http(URI.create(issuer)), username, password, ClinicClock.realTime());
        }

        @Override
        Issued issue() {
            return issued(signIn.signIn(username, password), "user " + username);
        }

        @Override
        public String toString() {
            return "SignedInUser[" + username + "]"; // never the password or a token
        }
    }

    /** The token endpoint: a seam so tests need no authorization server. */
    @FunctionalInterface
    interface TokenEndpoint {

        /** POSTs the form with HTTP Basic client authentication; status 0 if unreachable. */
        Answer request(String basicCredentials, String form);

        record Answer(int status, String body) {}

        static TokenEndpoint http(URI tokenUri) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(3))
                    .build();
            return (basicCredentials, form) -> {
                HttpRequest request = HttpRequest.newBuilder(tokenUri)
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Basic " + basicCredentials)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    return new Answer(response.statusCode(), response.body());
                } catch (IOException e) {
                    return new Answer(0, "");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Answer(0, "");
                }
            };
        }
    }
}
