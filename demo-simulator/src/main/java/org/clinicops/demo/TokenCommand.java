package org.clinicops.demo;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./clinic token USER} and {@code ./clinic token --client demo}: prints an access token, and
 * nothing else, on standard output. A user signs in as a person does ({@link UserSignIn}: the sign-in
 * page, PKCE, the code exchange), with the demo users' password from {@value
 * DemoOptions#PASSWORD_ENV} or the password file; the demo client uses its client credentials, with
 * its secret from {@value DemoOptions#SECRET_ENV} or the secret file. Secrets are read from the
 * environment or from files, never taken from the command line, and never printed.
 */
public final class TokenCommand {

    static final String USAGE = """
            usage: TokenCommand USER | --client demo
                                [--issuer URL] [--token-uri URL] [--password-file F] [--secret-file F]
              USER             a user of the authorization server, signed in with the demo users'
                               password ($CLINIC_DEMO_PASSWORD, else the password file)
              --client demo    the demo client clinic-demo ($CLINIC_DEMO_CLIENT_SECRET, else the secret file)
              --issuer URL     the authorization server (default: http://localhost:9000)
              --token-uri URL  the demo client's token endpoint (default: <issuer>/oauth2/token)
              --password-file F (default: var/auth/demo-password)
              --secret-file F  (default: var/auth/demo-client-secret)
            """;

    /** What to sign in as, and where. */
    record Request(
            @Nullable String user,
            boolean demoClient,
            String issuer,
            @Nullable String tokenUri,
            Path passwordFile,
            Path secretFile) {

        static Request parse(String... args) {
            String user = null;
            boolean client = false;
            String issuer = "http://localhost:9000";
            String tokenUri = null;
            Path passwordFile = Path.of("var/auth/demo-password");
            Path secretFile = Path.of("var/auth/demo-client-secret");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    if (user != null) {
                        throw new IllegalArgumentException("one user only, not '" + user + "' and '" + arg + "'");
                    }
                    user = arg;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--client" -> {
                        if (!"demo".equals(value)) {
                            throw new IllegalArgumentException(
                                    "unknown client '" + value + "' (the only client with its own token is: demo)");
                        }
                        client = true;
                    }
                    case "--issuer" -> issuer = value;
                    case "--token-uri" -> tokenUri = value;
                    case "--password-file" -> passwordFile = Path.of(value);
                    case "--secret-file" -> secretFile = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if ((user == null) == !client) {
                throw new IllegalArgumentException("give either a user or --client demo");
            }
            return new Request(user, client, issuer, tokenUri, passwordFile, secretFile);
        }

        /** The token endpoint of the demo client. */
        String clientTokenEndpoint() {
            String explicit = tokenUri;
            if (explicit != null) {
                return explicit;
            }
            return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/oauth2/token";
        }
    }

    private TokenCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("token: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            out.println(token(request, env));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("token: " + e.getMessage());
            return 1;
        }
    }

    private static String token(Request request, Map<String, String> env) {
        String user = request.user();
        if (user != null) {
            String password =
                    DemoOptions.secret(env, DemoOptions.PASSWORD_ENV, request.passwordFile(), "the demo users");
            return UserSignIn.accessToken(URI.create(request.issuer()), user, password);
        }
        String secret = DemoOptions.secret(env, DemoOptions.SECRET_ENV, request.secretFile(), "the demo client");
        return AccessTokens.ClientCredentials.of(request.clientTokenEndpoint(), DemoOptions.CLIENT_ID, secret)
                .current();
    }
}
