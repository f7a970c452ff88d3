package org.clinicops.platform.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.clinicops.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

class StatusGuardTest {

    enum Status {
        DRAFT,
        ISSUED,
        PAID
    }

    @Test
    void anAllowedStatusPasses() {
        assertThatCode(() -> StatusGuard.require("pay", "an invoice", Status.ISSUED, Set.of(Status.ISSUED)))
                .doesNotThrowAnyException();
    }

    @Test
    void anyOtherIsAnIllegalTransitionNamingTheStatus() {
        assertThatThrownBy(() -> StatusGuard.require("issue", "an invoice", Status.PAID, EnumSet.of(Status.DRAFT)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                    assertThat(e.getMessage()).isEqualTo("cannot issue an invoice that is PAID");
                    assertThat(e.properties()).containsEntry("status", "PAID");
                });
    }
}
