package org.clinicops.auth.tokens;

import java.util.List;
import org.clinicops.auth.clients.ServiceAccount;
import org.clinicops.auth.users.DemoUsers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds {@value #ROLES}, {@value #SITES} and {@code preferred_username} to access tokens and ID
 * tokens. A user's come from the demo user directory; a client acting for itself (client
 * credentials) gets those of its service account, which also replaces the subject.
 *
 * <p>Access tokens are marked as such (JOSE header {@code typ: at+jwt}, RFC 9068) and name the
 * services they may be sent to in {@code aud} ({@code clinic.auth.audience}): each service accepts
 * only access tokens naming it, so an ID token, or a token for another resource server of this
 * issuer, is refused. ID tokens keep the client as their audience.
 */
@Component
class ClinicClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** Role names (ADMIN, OPERATOR, INTAKE, CLINICIAN, NURSE, BILLING). */
    static final String ROLES = "roles";
    /** Site ids, or "*" for every site. */
    static final String SITES = "sites";

    /** The JOSE {@code typ} of an access token (RFC 9068). */
    static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private final DemoUsers users;
    private final List<String> audience;

    ClinicClaims(
            DemoUsers users,
            @Value("${clinic.auth.audience:intake-service,scheduling-service,billing-service,monitoring-service}")
                    List<String> audience) {
        this.users = users;
        this.audience = List.copyOf(audience);
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken =
                OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (accessToken) {
            context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
            claims.audience(audience);
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            ServiceAccount.of(context.getRegisteredClient())
                    .ifPresent(account -> put(claims, account.subject(), account.roles(), account.sites())
                            .subject(account.subject()));
            return;
        }
        users.find(context.getPrincipal().getName())
                .ifPresent(user -> put(claims, user.username(), user.roleNames(), user.sites()));
    }

    private static JwtClaimsSet.Builder put(
            JwtClaimsSet.Builder claims, String username, List<String> roles, List<String> sites) {
        return claims.claim(StandardClaimNames.PREFERRED_USERNAME, username)
                .claim(ROLES, roles)
                .claim(SITES, sites);
    }
}
