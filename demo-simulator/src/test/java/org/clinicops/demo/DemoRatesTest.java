package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoRatesTest {

    @Test
    void theLifecycleStepsThatEndSomethingComeAtSmallRates() {
        DemoRates typical = DemoRates.typical();

        assertThat(typical.withdrawal()).isEqualTo(0.04);
        assertThat(typical.consultationCancellation() + typical.consultationLateCancellation())
                .isEqualTo(0.04);
        assertThat(typical.consultationNoShow()).isEqualTo(0.04); // about 5 % no-shows (DOMAIN.md)
        assertThat(typical.invoiceVoid()).isEqualTo(0.02);
        assertThat(typical.assistanceAfterIssue()).isEqualTo(0.05);
    }

    @Test
    void oneRateIsChangedByNameAndTheOthersKept() {
        DemoRates changed = DemoRates.typical().with("invoiceVoid", 0).with("withdrawal", 0.1);

        assertThat(changed.invoiceVoid()).isZero();
        assertThat(changed.withdrawal()).isEqualTo(0.1);
        assertThat(changed.with("invoiceVoid", 0.02).with("withdrawal", 0.04)).isEqualTo(DemoRates.typical());
        assertThat(DemoRates.names())
                .startsWith("ineligible", "needsReview")
                .endsWith("invoiceVoid", "assistanceAfterIssue")
                .hasSize(16);
    }

    @Test
    void refusesAnUnknownNameAShareOutsideZeroToOneAndDiceThatCannotAllCome() {
        assertThatThrownBy(() -> DemoRates.typical().with("voids", 0.1))
                .hasMessageStartingWith("unknown rate voids (one of ineligible, needsReview,");
        assertThatThrownBy(() -> DemoRates.typical().with("invoiceVoid", 1.5))
                .hasMessage("rate invoiceVoid must be a share from 0 to 1, not 1.5");
        assertThatThrownBy(() -> DemoRates.typical().with("withdrawal", Double.NaN))
                .hasMessage("rate withdrawal must be a share from 0 to 1, not NaN");
        assertThatThrownBy(() -> DemoRates.typical().with("consultationNoShow", 0.99))
                .hasMessageStartingWith(
                        "rates consultationCancellation + consultationLateCancellation + consultationNoShow add up to");
    }
}
