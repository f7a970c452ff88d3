package org.clinicops.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in member of staff as a token describes them: {@code preferred_username} (or the
 * subject), {@code roles} and {@code sites}, where the site {@value #ALL_SITES} means every site.
 * An ADMIN reaches every site whatever the token lists.
 *
 * @param username who is acting, as shown in the audit trail
 * @param roles what they may do
 * @param sites where they may do it; empty when {@link #allSites()}
 * @param allSites whether every site is theirs
 */
public record StaffUser(String username, Set<Role> roles, Set<String> sites, boolean allSites) {

    /** The claim naming the roles. */
    public static final String ROLES_CLAIM = "roles";
    /** The claim naming the sites. */
    public static final String SITES_CLAIM = "sites";
    /** The site value meaning every site. */
    public static final String ALL_SITES = "*";

    public StaffUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        sites = allSites ? Set.of() : Set.copyOf(sites);
    }

    /** Reads a token's claims; unknown role names are ignored, so they grant nothing. */
    public static StaffUser fromClaims(Map<String, Object> claims) {
        Object name = claims.getOrDefault("preferred_username", claims.get("sub"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(claims.get(ROLES_CLAIM))) {
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    roles.add(known);
                }
            }
        }
        Set<String> sites = new LinkedHashSet<>(strings(claims.get(SITES_CLAIM)));
        boolean all = sites.remove(ALL_SITES) || roles.contains(Role.ADMIN);
        return new StaffUser(name == null ? "unknown" : name.toString(), roles, sites, all);
    }

    private static Collection<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value && !value.isBlank()) {
            return Arrays.stream(value.split("[ ,]+")).toList();
        }
        return List.of();
    }

    /** Whether this user holds the role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this user holds any of the roles. */
    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this user may see and change the data of the site. */
    public boolean canAccess(String siteId) {
        return allSites || sites.contains(siteId);
    }
}
