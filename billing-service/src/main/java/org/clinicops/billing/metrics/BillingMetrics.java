package org.clinicops.billing.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Counters and histograms of money by site and currency. Labels are bounded (site, currency,
 * method, source); never patient or invoice ids.
 */
@Component
public class BillingMetrics {

    private final MeterRegistry meters;

    BillingMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** An invoice was issued: its total billed and the discount given. */
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

    /** A payment was collected. */
    public void collected(String site, String currency, String method, BigDecimal amount) {
        counter("clinic.billing.collected", "Amount collected (payments)", site, currency)
                .tag("method", method)
                .register(meters)
                .increment(amount.doubleValue());
    }

    /** A refund was paid out. */
    public void refunded(String site, String currency, BigDecimal amount) {
        counter("clinic.billing.refunded", "Amount refunded", site, currency)
                .register(meters)
                .increment(amount.doubleValue());
    }

    /** What the patient pays for one session. */
    public void sessionOutOfPocket(String site, String currency, BigDecimal amount) {
        summary(
                        "clinic.billing.invoiced.patient.responsibility.per.session",
                        "Patient responsibility per session as billing invoiced it (the out-of-pocket indicator is monitoring's)",
                        site,
                        currency)
                .record(amount.doubleValue());
    }

    /** What the patient paid for a whole completed course. */
    public void courseOutOfPocket(String site, String currency, BigDecimal amount) {
        summary(
                        "clinic.billing.invoiced.patient.responsibility.per.course",
                        "Patient responsibility per completed course as billing invoiced it (the indicator is monitoring's)",
                        site,
                        currency)
                .record(amount.doubleValue());
    }

    private static Counter.Builder counter(String name, String description, String site, String currency) {
        return Counter.builder(name).description(description).tag("site", site).tag("currency", currency);
    }

    private DistributionSummary summary(String name, String description, String site, String currency) {
        return DistributionSummary.builder(name)
                .description(description)
                .tag("site", site)
                .tag("currency", currency)
                .publishPercentileHistogram()
                .serviceLevelObjectives(100, 250, 500, 750, 1000, 2000, 5000, 10000)
                .register(meters);
    }
}
