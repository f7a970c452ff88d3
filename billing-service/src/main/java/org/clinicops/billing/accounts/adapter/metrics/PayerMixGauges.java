package org.clinicops.billing.accounts.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.clinicops.billing.accounts.application.PatientAccounts;
import org.clinicops.events.PayerType;
import org.clinicops.platform.metrics.ThrottledRefresh;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code clinic.billing.accounts{payer}}: patient accounts by payer type (the payer mix), one series
 * per payer type at all times, read from the database with billing's other gauges ({@link
 * ThrottledRefresh}).
 */
@Component
class PayerMixGauges {

    private final PatientAccounts accounts;
    private final MeterRegistry meters;
    private final ThrottledRefresh refresh;
    private final Map<PayerType, Double> payerMix = new EnumMap<>(PayerType.class);

    PayerMixGauges(PatientAccounts accounts, MeterRegistry meters, ThrottledRefresh refresh) {
        this.accounts = accounts;
        this.meters = meters;
        this.refresh = refresh;
        refresh.add(this::read);
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (PayerType payer : PayerType.values()) {
            Gauge.builder("clinic.billing.accounts", this, g -> g.accountsOf(payer))
                    .description("Patient accounts by payer type (payer mix)")
                    .tag("payer", payer.name())
                    .register(meters);
        }
        read();
    }

    private double accountsOf(PayerType payer) {
        refresh.refreshIfStale();
        synchronized (payerMix) {
            return payerMix.getOrDefault(payer, 0.0);
        }
    }

    private void read() {
        Map<PayerType, Double> mix = new EnumMap<>(PayerType.class);
        accounts.all().forEach(a -> mix.merge(a.payerType(), 1.0, Double::sum));
        synchronized (payerMix) {
            payerMix.clear();
            payerMix.putAll(mix);
        }
    }
}
