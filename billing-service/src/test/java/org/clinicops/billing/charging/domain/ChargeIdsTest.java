package org.clinicops.billing.charging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicops.events.InvoiceIssued.Source;
import org.junit.jupiter.api.Test;

class ChargeIdsTest {

    @Test
    void derivesTheSameInvoiceIdForTheSameSourceEveryTime() {
        assertThat(ChargeIds.invoiceIdFor(Source.SESSION, "apt_1"))
                .isEqualTo(ChargeIds.invoiceIdFor(Source.SESSION, "apt_1"))
                .startsWith("inv_")
                .hasSize(24);
    }

    @Test
    void derivesDifferentIdsForDifferentSourcesOfTheSameAppointment() {
        assertThat(ChargeIds.invoiceIdFor(Source.SESSION, "apt_1"))
                .isNotEqualTo(ChargeIds.invoiceIdFor(Source.NO_SHOW, "apt_1"))
                .isNotEqualTo(ChargeIds.invoiceIdFor(Source.SESSION, "apt_2"));
    }
}
