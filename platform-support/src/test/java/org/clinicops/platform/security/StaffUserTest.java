package org.clinicops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffUserTest {

    @Test
    void reads_name_roles_and_sites_from_the_token_claims() {
        StaffUser user = StaffUser.fromClaims(Map.of(
                "sub", "u-1", "preferred_username", "nurse-bos", "roles", List.of("NURSE"), "sites", List.of("bos")));

        assertThat(user.username()).isEqualTo("nurse-bos");
        assertThat(user.roles()).containsExactly(Role.NURSE);
        assertThat(user.canAccess("bos")).isTrue();
        assertThat(user.canAccess("den")).isFalse();
    }

    @Test
    void the_star_site_means_every_site() {
        StaffUser user =
                StaffUser.fromClaims(Map.of("sub", "ops", "roles", List.of("OPERATOR"), "sites", List.of("*")));

        assertThat(user.allSites()).isTrue();
        assertThat(user.canAccess("sea")).isTrue();
    }

    @Test
    void an_admin_reaches_every_site_whatever_the_token_lists() {
        StaffUser user =
                StaffUser.fromClaims(Map.of("sub", "root", "roles", List.of("ADMIN"), "sites", List.of("bos")));

        assertThat(user.canAccess("den")).isTrue();
    }

    @Test
    void unknown_roles_grant_nothing_and_missing_claims_mean_no_role_and_no_site() {
        StaffUser user = StaffUser.fromClaims(Map.of("sub", "x", "roles", List.of("SUPERUSER", "admin")));

        assertThat(user.roles()).isEmpty();
        assertThat(user.canAccess("bos")).isFalse();
        assertThat(user.username()).isEqualTo("x");
    }

    @Test
    void space_separated_claims_are_read_too() {
        StaffUser user = StaffUser.fromClaims(Map.of("sub", "b", "roles", "BILLING", "sites", "bos den"));

        assertThat(user.roles()).containsExactly(Role.BILLING);
        assertThat(user.sites()).containsExactlyInAnyOrder("bos", "den");
    }
}
