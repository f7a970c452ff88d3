package org.clinicops.intake.plans.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.StaffUser;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class DecisionAuthorityTest {

    static final Set<String> NO_LIST = Set.of();

    static StaffUser user(String name, Set<Role> roles, Set<String> sites) {
        return new StaffUser(name, roles, sites, false);
    }

    @Test
    void withoutAPhysicianListAClinicianOfTheRequestsSiteDecides() {
        assertThatCode(() -> DecisionAuthority.require(
                        user("someone", Set.of(Role.CLINICIAN), Set.of("den")), "den", NO_LIST))
                .doesNotThrowAnyException();
    }

    @Test
    void withoutAPhysicianListAnAdminWhoIsNoClinicianDoesNot() {
        assertThatThrownBy(() -> DecisionAuthority.require(
                        new StaffUser("admin", Set.of(Role.ADMIN), Set.of(), true), "den", NO_LIST))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code())
                                .isEqualTo(DecisionAuthority.NOT_A_CLINICIAN));
    }

    @Test
    void aClinicianOfAnotherSiteDoesNot() {
        assertThatThrownBy(() -> DecisionAuthority.require(
                        user("someone", Set.of(Role.CLINICIAN), Set.of("bos")), "den", NO_LIST))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> DecisionAuthority.require(
                        user("dr-den", Set.of(Role.CLINICIAN), Set.of("bos")), "den", Set.of("dr-den")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void staffWithoutTheClinicianRoleDoNotEvenAtTheirSite() {
        for (Role role : Set.of(Role.INTAKE, Role.NURSE, Role.OPERATOR, Role.BILLING)) {
            assertThatThrownBy(() ->
                            DecisionAuthority.require(user("someone", Set.of(role), Set.of("den")), "den", NO_LIST))
                    .as(role.name())
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void whenTheSiteNamesItsPhysiciansOnlyOneOfThemDecides() {
        Set<String> physicians = Set.of("dr-lee", "dr-okafor");

        assertThatCode(() -> DecisionAuthority.require(
                        user("dr-lee", Set.of(Role.CLINICIAN), Set.of("den")), "den", physicians))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DecisionAuthority.require(
                        user("rn-kim", Set.of(Role.CLINICIAN), Set.of("den")), "den", physicians))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code())
                                .isEqualTo(DecisionAuthority.NOT_A_SITE_PHYSICIAN));
        assertThatThrownBy(() -> DecisionAuthority.require(
                        new StaffUser("admin", Set.of(Role.ADMIN), Set.of(), true), "den", physicians))
                .as("an admin is no physician of the site")
                .isInstanceOf(ConflictException.class);
    }
}
