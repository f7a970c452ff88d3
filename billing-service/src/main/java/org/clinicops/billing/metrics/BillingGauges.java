package org.clinicops.billing.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.clinicops.billing.accounts.PatientAccount;
import org.clinicops.billing.accounts.PatientAccounts;
import org.clinicops.billing.assistance.Assistance;
import org.clinicops.billing.invoicing.InvoiceStore;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.events.PayerType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database, refreshed at most every 15 seconds when scraped: outstanding
 * balance by site, share of patients with assistance, payer mix (accounts by payer type). The 15
 * seconds are elapsed time ({@link System#nanoTime()}), so a clock that is set back or forward never
 * leaves the figures stale; "today" for assistance comes from the service's clock.
 */
@Component
class BillingGauges {

    private static final Duration FRESH = Duration.ofSeconds(15);

    private final InvoiceStore invoices;
    private final PatientAccounts accounts;
    private final Assistance assistance;
    private final MeterRegistry meters;
    private final Clock clock;
    /** When the figures were last read ({@link System#nanoTime()}); stale from the start. */
    private final AtomicLong refreshedAtNanos = new AtomicLong(System.nanoTime() - FRESH.toNanos() - 1);

    private volatile double assistedShare;
    private final Map<PayerType, Double> payerMix = new EnumMap<>(PayerType.class);
    /**
     * Balance owed per (site, currency), one gauge each, registered once and never removed: the
     * figures are refreshed while Prometheus scrapes, and removing and re-adding gauges then gave a
     * scrape two series with the same labels. A pair with nothing owed any more reads 0.
     */
    private final Map<List<String>, AtomicReference<Double>> outstanding = new ConcurrentHashMap<>();

    BillingGauges(
            InvoiceStore invoices, PatientAccounts accounts, Assistance assistance, MeterRegistry meters, Clock clock) {
        this.invoices = invoices;
        this.accounts = accounts;
        this.assistance = assistance;
        this.meters = meters;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Gauge.builder("clinic.billing.assistance.decisions.in.effect.ratio", this, g -> g.fresh().assistedShare)
                .description("Share of patients with an assistance decision in effect today")
                .register(meters);
        for (PayerType payer : PayerType.values()) {
            Gauge.builder(
                            "clinic.billing.accounts",
                            this,
                            g -> g.fresh().payerMix.getOrDefault(payer, 0.0))
                    .description("Patient accounts by payer type (payer mix)")
                    .tag("payer", payer.name())
                    .register(meters);
        }
        refresh();
    }

    private BillingGauges fresh() {
        long now = System.nanoTime();
        long last = refreshedAtNanos.get();
        if (now - last > FRESH.toNanos() && refreshedAtNanos.compareAndSet(last, now)) {
            refresh();
        }
        return this;
    }

    /** Reads the figures now (tests). */
    void refreshNow() {
        refresh();
    }

    private void refresh() {
        refreshedAtNanos.set(System.nanoTime());
        Instant now = clock.instant();
        List<PatientAccount> all = accounts.all();
        Map<PayerType, Double> mix = new EnumMap<>(PayerType.class);
        all.forEach(a -> mix.merge(a.payerType(), 1.0, Double::sum));
        synchronized (payerMix) {
            payerMix.clear();
            payerMix.putAll(mix);
        }
        long assisted = assistance.patientsAssistedAt(now);
        assistedShare = all.isEmpty() ? 0 : (double) assisted / all.size();
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
            Gauge.builder("clinic.billing.outstanding", value, AtomicReference::get)
                    .description("Balance still owed on issued invoices, by site and currency")
                    .tags(Tags.of("site", key.get(0), "currency", key.get(1)))
                    .register(meters);
            return value;
        });
    }
}
