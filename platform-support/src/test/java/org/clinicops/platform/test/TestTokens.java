package org.clinicops.platform.test;

import com.nimbusds.jose.JOSEException;
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

    /** The decoder a service under test uses: this key, this issuer, expiry checked. */
    public static JwtDecoder decoder() {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER)));
        return decoder;
    }

    /** {@code Bearer <token>}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JWTClaimsSet claims(String username, List<Role> roles, List<String> sites, Instant expires) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
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
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
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
