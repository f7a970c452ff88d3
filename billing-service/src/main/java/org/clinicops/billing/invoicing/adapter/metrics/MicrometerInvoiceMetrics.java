package org.clinicops.billing.invoicing.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import org.clinicops.billing.invoicing.application.InvoiceMetrics;
import org.springframework.stereotype.Component;

/** Counters of money by site and currency, and of invoices issued. */
@Component
class MicrometerInvoiceMetrics implements InvoiceMetrics {

    private final MeterRegistry meters;

    MicrometerInvoiceMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void billed(String site, String currency, String source, BigDecimal total, BigDecimal discount) {
        counter("clinic.billing.billed", "Amount billed (invoice totals after discount)", site, currency)
                .tag("source", source)
                .register(meters)
                .increment(total.doubleValue());
        counter("clinic.billing.discounted", "Discount given (assistance and prepaid packages)", site, currency)
                .register(meters)
                .increment(discount.doubleValue());
        Counter.builder("clinic.billing.invoices.issued")
                .description("Invoices issued")
                .tag("site", site)
                .tag("source", source)
                .register(meters)
                .increment();
    }

    @Override
    public void collected(String site, String currency, String method, BigDecimal amount) {
        counter("clinic.billing.collected", "Amount collected (payments)", site, currency)
                .tag("method", method)
                .register(meters)
                .increment(amount.doubleValue());
    }

    @Override
    public void refunded(String site, String currency, BigDecimal amount) {
        counter("clinic.billing.refunded", "Amount refunded", site, currency)
                .register(meters)
                .increment(amount.doubleValue());
    }

    private static Counter.Builder counter(String name, String description, String site, String currency) {
        return Counter.builder(name).description(description).tag("site", site).tag("currency", currency);
    }
}
