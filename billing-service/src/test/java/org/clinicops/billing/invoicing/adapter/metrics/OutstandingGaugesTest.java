package org.clinicops.billing.invoicing.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.platform.metrics.ThrottledRefresh;
import org.junit.jupiter.api.Test;

class OutstandingGaugesTest {

    private final InvoiceRepository invoices = mock(InvoiceRepository.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OutstandingGauges gauges =
            new OutstandingGauges(invoices, meters, new ThrottledRefresh(Duration.ofSeconds(15)));

    @Test
    void keepsOneOutstandingSeriesPerSiteAndCurrencyAcrossRefreshesAndZeroesOneNothingIsOwedAt() {
        owing(invoice("den", "USD", "120.00"), invoice("den", "USD", "30.50"), invoice("bos", "USD", "75.00"));
        gauges.register();

        assertThat(outstanding("den")).isEqualTo(150.50);
        assertThat(outstanding("bos")).isEqualTo(75.00);

        owing(invoice("den", "USD", "10.00"));
        gauges.refreshNow();

        assertThat(meters.find("clinic.billing.outstanding").gauges()).hasSize(2);
        assertThat(outstanding("den")).isEqualTo(10.00);
        assertThat(outstanding("bos")).isZero();
    }

    private void owing(Invoice... open) {
        when(invoices.all(isNull(), isNull(), anyList())).thenReturn(List.of(open));
    }

    private double outstanding(String site) {
        Gauge gauge = meters.find("clinic.billing.outstanding")
                .tags("site", site, "currency", "USD")
                .gauge();
        assertThat(gauge).isNotNull();
        return gauge.value();
    }

    private static Invoice invoice(String site, String currency, String balance) {
        Invoice invoice = mock(Invoice.class);
        when(invoice.siteId()).thenReturn(site);
        when(invoice.currency()).thenReturn(currency);
        when(invoice.balance()).thenReturn(new BigDecimal(balance));
        return invoice;
    }
}
