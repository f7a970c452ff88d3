package org.clinicops.intake.requests.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.StaffUser;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class DecisionAuthorityTest {

    static StaffUser user(Set<Role> roles, Set<String> sites) {
        return new StaffUser("someone", roles, sites, false);
    }

    @Test
    void aClinicianOfTheRequestsSiteDecides() {
        assertThatCode(() -> DecisionAuthority.require(user(Set.of(Role.CLINICIAN), Set.of("den")), "den"))
                .doesNotThrowAnyException();
    }

    @Test
    void anAdminDecidesAtEverySite() {
        assertThatCode(() ->
                        DecisionAuthority.require(new StaffUser("admin", Set.of(Role.ADMIN), Set.of(), true), "den"))
                .doesNotThrowAnyException();
    }

    @Test
    void aClinicianOfAnotherSiteDoesNot() {
        assertThatThrownBy(() -> DecisionAuthority.require(user(Set.of(Role.CLINICIAN), Set.of("bos")), "den"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void staffWithoutTheClinicianRoleDoNotEvenAtTheirSite() {
        for (Role role : Set.of(Role.INTAKE, Role.NURSE, Role.OPERATOR, Role.BILLING)) {
            assertThatThrownBy(() -> DecisionAuthority.require(user(Set.of(role), Set.of("den")), "den"))
                    .as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
