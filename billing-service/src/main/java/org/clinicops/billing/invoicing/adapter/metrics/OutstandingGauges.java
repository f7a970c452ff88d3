package org.clinicops.billing.invoicing.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.platform.metrics.ThrottledRefresh;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code clinic.billing.outstanding{site,currency}}: the balance still owed on issued invoices, read
 * from the database with billing's other gauges ({@link ThrottledRefresh}): a pair appears once
 * something is owed in it.
 */
@Component
class OutstandingGauges {

    private final InvoiceRepository invoices;
    private final MeterRegistry meters;
    private final ThrottledRefresh refresh;
    /**
     * Balance owed per (site, currency), one gauge each, registered once and never removed: the
     * figures are refreshed while Prometheus scrapes, and removing and re-adding gauges then gave a
     * scrape two series with the same labels. A pair with nothing owed any more reads 0.
     */
    private final Map<List<String>, AtomicReference<Double>> outstanding = new ConcurrentHashMap<>();

    OutstandingGauges(InvoiceRepository invoices, MeterRegistry meters, ThrottledRefresh refresh) {
        this.invoices = invoices;
        this.meters = meters;
        this.refresh = refresh;
        refresh.add(this::read);
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        read();
    }

    /** Reads the figures now (tests). */
    void refreshNow() {
        read();
    }

    private void read() {
        Map<List<String>, BigDecimal> owed = new HashMap<>();
        for (Invoice i : invoices.all(null, null, List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID))) {
            owed.merge(List.of(i.siteId(), i.currency()), i.balance(), BigDecimal::add);
        }
        outstanding.forEach((key, value) ->
                value.set(owed.getOrDefault(key, BigDecimal.ZERO).doubleValue()));
        owed.forEach((key, balance) -> outstandingOf(key).set(balance.doubleValue()));
    }

    private AtomicReference<Double> outstandingOf(List<String> siteAndCurrency) {
        return outstanding.computeIfAbsent(siteAndCurrency, key -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            Gauge.builder("clinic.billing.outstanding", value, v -> {
                        refresh.refreshIfStale();
                        return v.get();
                    })
                    .description("Balance still owed on issued invoices, by site and currency")
                    .tags(Tags.of("site", key.get(0), "currency", key.get(1)))
                    .register(meters);
            return value;
        });
    }
}
