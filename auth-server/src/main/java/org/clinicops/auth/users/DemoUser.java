package org.clinicops.auth.users;

import java.util.List;

/**
 * A demo user: a username, its roles and the sites it may work at ({@value #ALL_SITES} for every
 * site). The password is the same for all demo users and is not part of this record.
 */
public record DemoUser(String username, List<Role> roles, List<String> sites) {

    public static final String ALL_SITES = "*";

    public DemoUser {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a demo user needs a username");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("demo user " + username + " has no roles");
        }
        if (sites == null || sites.isEmpty()) {
            throw new IllegalArgumentException(
                    "demo user " + username + " has no sites (use [\"" + ALL_SITES + "\"] for every site)");
        }
        roles = List.copyOf(roles);
        sites = List.copyOf(sites);
    }

    public List<String> roleNames() {
        return roles.stream().map(Role::name).toList();
    }
}
