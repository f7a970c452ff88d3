package org.clinicops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiAccessPolicyTest {

    private final ApiAccessPolicy policy = ApiAccessPolicy.builder()
            .open(POST, "/api/requests")
            .allow(POST, "/api/invoices/{id}/void", Role.BILLING)
            .allow(GET, "/api/invoices/**", Role.BILLING, Role.OPERATOR)
            .build();

    @Test
    void the_first_matching_rule_decides() {
        assertThat(policy.admits(POST, "/api/invoices/inv_1/void", Set.of(Role.BILLING)))
                .isTrue();
        assertThat(policy.admits(POST, "/api/invoices/inv_1/void", Set.of(Role.OPERATOR)))
                .isFalse();
        assertThat(policy.admits(GET, "/api/invoices/inv_1", Set.of(Role.OPERATOR)))
                .isTrue();
        assertThat(policy.admits(GET, "/api/invoices", Set.of(Role.OPERATOR))).isTrue();
    }

    @Test
    void a_nurse_cannot_void_an_invoice() {
        assertThat(policy.admits(POST, "/api/invoices/inv_1/void", Set.of(Role.NURSE)))
                .isFalse();
    }

    @Test
    void an_endpoint_no_rule_names_is_for_admin_only() {
        assertThat(policy.ruleFor(GET, "/api/audit")).isEmpty();
        assertThat(policy.admits(GET, "/api/audit", Set.of(Role.OPERATOR))).isFalse();
        assertThat(policy.admits(GET, "/api/audit", Set.of(Role.ADMIN))).isTrue();
    }

    @Test
    void an_open_endpoint_admits_anyone_and_admin_passes_every_rule() {
        assertThat(policy.admits(POST, "/api/requests", Set.of())).isTrue();
        assertThat(policy.admits(POST, "/api/invoices/inv_1/void", Set.of(Role.ADMIN)))
                .isTrue();
    }

    @Test
    void a_rule_must_name_a_role() {
        assertThatThrownBy(() -> ApiAccessPolicy.builder().allow(GET, "/api/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
