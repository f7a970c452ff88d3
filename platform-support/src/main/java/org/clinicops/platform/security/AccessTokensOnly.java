package org.clinicops.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Accepts only access tokens meant for this service, after the decoder checked signature, issuer and
 * validity:
 *
 * <ul>
 *   <li>the {@code aud} claim names the service ({@code clinic.security.audience}, by default
 *       {@code spring.application.name}): a token of another client or resource server of the same
 *       issuer is refused;
 *   <li>the JOSE header {@code typ} is {@code at+jwt} (RFC 9068), as the platform's authorization
 *       server issues them. An ID token ({@code typ} {@code JWT} or none) is refused.
 * </ul>
 *
 * Keycloak's access tokens carry header {@code typ: JWT} and the claim {@code typ: Bearer} (its ID
 * tokens the claim {@code typ: ID}). With {@code clinic.security.accept-keycloak-bearer=true} a
 * token whose header is {@code JWT} is accepted when its claim {@code typ} is {@code Bearer}; a
 * claim {@code typ} of {@code ID} (or anything else) is always refused. Refusals are 401
 * {@code invalid_token}.
 */
final class AccessTokensOnly implements JwtDecoder {

    static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private final JwtDecoder decoder;
    private final String audience;
    private final boolean acceptKeycloakBearer;

    AccessTokensOnly(JwtDecoder decoder, String audience, boolean acceptKeycloakBearer) {
        this.decoder = decoder;
        this.audience = audience;
        this.acceptKeycloakBearer = acceptKeycloakBearer;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = decoder.decode(token);
        List<OAuth2Error> errors = problems(jwt);
        if (!errors.isEmpty()) {
            throw new JwtValidationException(errors.get(0).getDescription(), errors);
        }
        return jwt;
    }

    List<OAuth2Error> problems(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        if (!isAccessToken(jwt)) {
            errors.add(invalid("The token is not an access token (typ at+jwt)"));
        }
        List<String> audiences = jwt.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            errors.add(invalid("The token is not meant for " + audience));
        }
        return errors;
    }

    private boolean isAccessToken(Jwt jwt) {
        String header = lower(jwt.getHeaders().get("typ"));
        if (ACCESS_TOKEN_TYPE.equals(header) || ("application/" + ACCESS_TOKEN_TYPE).equals(header)) {
            return !"id".equals(lower(jwt.getClaims().get("typ")));
        }
        return acceptKeycloakBearer
                && (header == null || "jwt".equals(header))
                && "bearer".equals(lower(jwt.getClaims().get("typ")));
    }

    private static @Nullable String lower(@Nullable Object value) {
        return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
