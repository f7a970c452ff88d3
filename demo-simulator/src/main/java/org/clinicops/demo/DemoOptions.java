package org.clinicops.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Command-line options of the simulator.
 *
 * @param patientsPerMinute new patients a minute (the speed of the demo)
 * @param minutes how long to run, 0 for until stopped
 * @param token a fixed bearer token to send instead of the demo client's own, if any
 * @param issuer the authorization server that gives the demo client ({@value #CLIENT_ID}) its tokens
 *     and signs the physicians in ({@link UserSignIn}: Spring Authorization Server or a Keycloak realm)
 * @param tokenUri its token endpoint, if not {@code <issuer>/oauth2/token} (Keycloak's differs)
 * @param secretFile where the demo client's secret is when {@value #SECRET_ENV} is not set
 * @param passwordFile where the demo users' password is when {@value #PASSWORD_ENV} is not set: the
 *     demo signs each site's physician in with it to decide (the demo client may not)
 * @param rates how often things happen: {@link DemoRates#typical()}, each {@code --rate NAME=SHARE}
 *     changing one
 */
record DemoOptions(
        String intakeUrl,
        String schedulingUrl,
        String billingUrl,
        String monitoringUrl,
        double patientsPerMinute,
        long minutes,
        long seed,
        @Nullable String token,
        String issuer,
        @Nullable String tokenUri,
        Path secretFile,
        Path passwordFile,
        DemoRates rates) {

    /** The service client of the demo: ADMIN at every site, client credentials grant. */
    static final String CLIENT_ID = "clinic-demo";

    static final String SECRET_ENV = "CLINIC_DEMO_CLIENT_SECRET";

    /** The demo users' password (the same for every one), as {@code ./clinic token USER} reads it. */
    static final String PASSWORD_ENV = "CLINIC_DEMO_PASSWORD";

    static final String USAGE = """
            usage: DemoSimulator [--speed N] [--minutes M] [--seed S] [--issuer URL] [--secret-file F]
                                 [--password-file F] [--token JWT] [--rate NAME=SHARE]...
                                 [--intake URL] [--scheduling URL] [--billing URL] [--monitoring URL]
              --speed N        1 = 12 new patients a minute (default 1); each patient's steps follow
                               the demo clock (-Dclinic.clock.start/speed/anchor, which
                               ./clinic up --clock-speed N hands the services and ./clinic demo)
              --minutes M      stop after M minutes (default: run until Ctrl-C)
              --issuer URL     authorization server of the demo client clinic-demo, where the
                               physicians sign in too (endpoints from its discovery document;
                               Keycloak: the realm, http://localhost:8180/realms/clinicops)
                               (default: $CLINIC_AUTH_ISSUER or http://localhost:9000)
              --token-uri URL  its token endpoint (default: <issuer>/oauth2/token; with Keycloak
                               <realm URL>/protocol/openid-connect/token)
              --secret-file F  the demo client's secret when $CLINIC_DEMO_CLIENT_SECRET is not set
                               (default: var/auth/demo-client-secret, created by ./clinic up)
              --password-file F
                               the demo users' password when $CLINIC_DEMO_PASSWORD is not set
                               (default: var/auth/demo-password, created by ./clinic up): each
                               site's physician (clinician-<site>) signs in with it to decide
              --token JWT      send this bearer token instead of the demo client's and the
                               physicians' (default: $CLINIC_TOKEN)
              --rate NAME=SHARE
                               how often something happens, a share from 0 (never) to 1, e.g.
                               --rate invoiceVoid=0 or --rate withdrawal=0.1; repeatable. Names:
                               %s""".formatted(wrapped(DemoRates.names()));

    static DemoOptions parse(String... args) {
        String intake = "http://localhost:8081";
        String scheduling = "http://localhost:8082";
        String billing = "http://localhost:8083";
        String monitoring = "http://localhost:8084";
        double speed = 1;
        long minutes = 0;
        long seed = System.nanoTime();
        String token = System.getenv("CLINIC_TOKEN");
        String issuer = System.getenv("CLINIC_AUTH_ISSUER");
        if (issuer == null || issuer.isBlank()) {
            issuer = "http://localhost:9000";
        }
        String tokenUri = null;
        Path secretFile = Path.of("var/auth/demo-client-secret");
        Path passwordFile = Path.of("var/auth/demo-password");
        DemoRates rates = DemoRates.typical();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--intake" -> intake = value;
                case "--scheduling" -> scheduling = value;
                case "--billing" -> billing = value;
                case "--monitoring" -> monitoring = value;
                case "--speed" -> speed = positive(name, value);
                case "--minutes" -> minutes = (long) positive(name, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--token" -> token = value;
                case "--issuer" -> issuer = value;
                case "--token-uri" -> tokenUri = value;
                case "--secret-file" -> secretFile = Path.of(value);
                case "--password-file" -> passwordFile = Path.of(value);
                case "--rate" -> rates = rate(rates, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new DemoOptions(
                intake,
                scheduling,
                billing,
                monitoring,
                12 * speed,
                minutes,
                seed,
                token == null || token.isBlank() ? null : token,
                issuer,
                tokenUri,
                secretFile,
                passwordFile,
                rates);
    }

    /**
     * The tokens to call the services with: the fixed {@code --token}, else the demo client's own
     * from {@link #issuer()}, with its secret from {@code env} or else {@link #secretFile()}.
     */
    AccessTokens accessTokens(Map<String, String> env) {
        String fixed = token;
        if (fixed != null) {
            return AccessTokens.fixed(fixed);
        }
        return AccessTokens.ClientCredentials.of(tokenEndpoint(), CLIENT_ID, clientSecret(env));
    }

    /**
     * The tokens of a site's physician ({@link DemoSites#physicianOf}), by login name: the fixed
     * {@code --token} if given, else the user signed in at {@link #issuer()} with the demo users'
     * password from {@code env} or else {@link #passwordFile()} (read now: a missing password stops
     * the demo before it starts).
     */
    Function<String, AccessTokens> physicianTokens(Map<String, String> env) {
        String fixed = token;
        if (fixed != null) {
            return username -> AccessTokens.fixed(fixed);
        }
        String password = secret(env, PASSWORD_ENV, passwordFile, "the demo users");
        return username -> AccessTokens.SignedInUser.of(issuer, username, password);
    }

    /** Where the demo client asks for its tokens. */
    String tokenEndpoint() {
        String explicit = tokenUri;
        if (explicit != null) {
            return explicit;
        }
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/oauth2/token";
    }

    String clientSecret(Map<String, String> env) {
        return secret(env, SECRET_ENV, secretFile, "the demo client");
    }

    /** The secret in the environment variable {@code variable}, else in {@code file}. */
    static String secret(Map<String, String> env, String variable, Path file, String whose) {
        String secret = env.get(variable);
        if (secret != null && !secret.isBlank()) {
            return secret.strip();
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(
                    "no secret for " + whose + ": set " + variable + " or create " + file + " (./clinic up does)");
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Without the token: options end up in logs and error messages. */
    @Override
    public String toString() {
        return "DemoOptions[speed=" + patientsPerMinute + "/min, token endpoint=" + tokenEndpoint() + "]";
    }

    /** {@code rates} with the one {@code NAME=SHARE} names changed. */
    private static DemoRates rate(DemoRates rates, String value) {
        int equals = value.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("--rate takes NAME=SHARE, not '" + value + "'");
        }
        String name = value.substring(0, equals).strip();
        String share = value.substring(equals + 1).strip();
        try {
            return rates.with(name, Double.parseDouble(share));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate " + name + " must be a share from 0 to 1, not '" + share + "'");
        }
    }

    /** The names, a few a line, indented as the usage's descriptions. */
    private static String wrapped(List<String> names) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String name : names) {
            if (!line.isEmpty() && line.length() + 1 + name.length() > 62) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(name);
        }
        lines.add(line.toString());
        return String.join("\n" + " ".repeat(19), lines);
    }

    private static double positive(String name, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(name + " must be a positive number, not '" + value + "'");
    }
}
