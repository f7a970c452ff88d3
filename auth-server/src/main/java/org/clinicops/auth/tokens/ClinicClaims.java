package org.clinicops.auth.tokens;

import java.util.List;
import org.clinicops.auth.clients.ServiceAccount;
import org.clinicops.auth.users.DemoUsers;
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
 */
@Component
class ClinicClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** Role names (ADMIN, OPERATOR, INTAKE, CLINICIAN, NURSE, BILLING). */
    static final String ROLES = "roles";
    /** Site ids, or "*" for every site. */
    static final String SITES = "sites";

    private final DemoUsers users;

    ClinicClaims(DemoUsers users) {
        this.users = users;
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
