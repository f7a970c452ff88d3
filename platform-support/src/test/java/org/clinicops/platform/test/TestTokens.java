package org.clinicops.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.clinicops.clock.ClinicClock;
import org.clinicops.platform.security.Role;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Bearer tokens for tests, signed with a key pair made when the tests start (never stored). A
 * service under {@link ServiceIntegrationTest} trusts exactly this key and the issuer
 * {@value #ISSUER}, as it trusts the authorization server in production. Their lifetimes are real
 * time ({@link ClinicClock#realTime()}), as the issuer's and the validator's are, whatever instant a
 * test sets its business clock to.
 */
public final class TestTokens {

    /** The issuer of test tokens. */
    public static final String ISSUER = "https://auth.test.clinicops";

    /**
     * The audience of test tokens: every service (each accepts only tokens naming it, see {@code
     * clinic.security.audience}), as the authorization server issues them for staff.
     */
    public static final List<String> SERVICES =
            List.of("intake-service", "scheduling-service", "billing-service", "monitoring-service");

    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();

    private TestTokens() {}

    /** A token of the ADMIN, who reaches everything at every site. */
    public static String admin() {
        return of("admin", List.of(Role.ADMIN), List.of("*"));
    }

    /** A token for a member of staff with the role at the given sites ("*" for all). */
    public static String of(String username, Role role, String... sites) {
        return of(username, List.of(role), Arrays.asList(sites));
    }

    /** A token for a member of staff with these roles at these sites. */
    public static String of(String username, List<Role> roles, List<String> sites) {
        return sign(
                KEYS,
                claims(username, roles, sites, ClinicClock.realTime().instant().plus(Duration.ofMinutes(30))));
    }

    /** A token that expired a minute ago (beyond the validator's clock skew). */
    public static String expired() {
        return sign(
                KEYS,
                claims(
                        "admin",
                        List.of(Role.ADMIN),
                        List.of("*"),
                        ClinicClock.realTime().instant().minus(Duration.ofMinutes(5))));
    }

    /** An admin token whose payload was changed after signing: the signature no longer matches. */
    public static String tampered() {
        String[] parts = of("nurse", Role.NURSE, "bos").split("\\.");
        String forged = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("\"NURSE\"", "\"ADMIN\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    /** A well-formed admin token signed by a key the service does not trust. */
    public static String signedByStranger() {
        return sign(
                STRANGER,
                claims(
                        "admin",
                        List.of(Role.ADMIN),
                        List.of("*"),
                        ClinicClock.realTime().instant().plusSeconds(600)));
    }

    /** A valid staff access token whose audience names only these services (or none). */
    public static String forAudience(String username, Role role, List<String> audience) {
        return sign(
                KEYS,
                ACCESS_TOKEN,
                claims(
                        username,
                        List.of(role),
                        List.of("*"),
                        ClinicClock.realTime().instant().plus(Duration.ofMinutes(30)),
                        audience));
    }

    /**
     * An OpenID Connect ID token of an ADMIN, signed by the trusted key: header {@code typ} JWT, the
     * audience the services' own names. A service must refuse it as a bearer token.
     */
    public static String idToken() {
        return sign(
                KEYS,
                JOSEObjectType.JWT,
                claims(
                        "admin",
                        List.of(Role.ADMIN),
                        List.of("*"),
                        ClinicClock.realTime().instant().plus(Duration.ofMinutes(30)),
                        SERVICES));
    }

    /**
     * A token shaped like Keycloak's: header {@code typ} JWT, claim {@code typ} as given ({@code
     * Bearer} for an access token, {@code ID} for an ID token), audience every service.
     */
    public static String keycloakStyle(String claimTyp) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(
                        "admin",
                        List.of(Role.ADMIN),
                        List.of("*"),
                        ClinicClock.realTime().instant().plus(Duration.ofMinutes(30)),
                        SERVICES))
                .claim("typ", claimTyp)
                .build();
        return sign(KEYS, JOSEObjectType.JWT, claims);
    }

    /**
     * The decoder a service under test uses: this key, this issuer, expiry checked, the JOSE type an
     * access token's; the service itself then requires its audience and {@code at+jwt}.
     */
    public static JwtDecoder decoder() {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        JwtTypeValidator types = new JwtTypeValidator("at+jwt", "application/at+jwt", "JWT");
        types.setAllowEmpty(true);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator(ISSUER), types))));
        return decoder;
    }

    /** {@code Bearer <token>}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JWTClaimsSet claims(String username, List<Role> roles, List<String> sites, Instant expires) {
        return claims(username, roles, sites, expires, SERVICES);
    }

    private static JWTClaimsSet claims(
            String username, List<Role> roles, List<String> sites, Instant expires, List<String> audience) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(username)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expires.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expires))
                .claim("preferred_username", username)
                .claim("roles", roles.stream().map(Role::name).toList())
                .claim("sites", sites)
                .build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        return sign(keys, ACCESS_TOKEN, claims);
    }

    private static String sign(KeyPair keys, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
