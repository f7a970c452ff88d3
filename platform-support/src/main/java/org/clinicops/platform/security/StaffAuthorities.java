package org.clinicops.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns the {@code roles} claim into {@code ROLE_…} authorities, for bearer tokens (API) and for
 * the ID token of a browser sign-in (pages) alike; the name is the {@code preferred_username}.
 */
final class StaffAuthorities implements Converter<Jwt, AbstractAuthenticationToken>, GrantedAuthoritiesMapper {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        StaffUser user = StaffUser.fromClaims(jwt.getClaims());
        return new JwtAuthenticationToken(jwt, authorities(user), user.username());
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> granted) {
        List<GrantedAuthority> mapped = new ArrayList<>(granted);
        for (GrantedAuthority authority : granted) {
            if (authority instanceof OidcUserAuthority oidc) {
                Map<String, Object> claims = oidc.getIdToken().getClaims();
                mapped.addAll(authorities(StaffUser.fromClaims(claims)));
            }
        }
        return mapped;
    }

    static List<GrantedAuthority> authorities(StaffUser user) {
        return user.roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
