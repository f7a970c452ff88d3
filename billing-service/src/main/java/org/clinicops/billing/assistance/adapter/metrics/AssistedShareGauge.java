package org.clinicops.billing.assistance.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.clinicops.billing.accounts.application.PatientAccounts;
import org.clinicops.billing.assistance.application.Assistance;
import org.clinicops.platform.metrics.ThrottledRefresh;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code clinic.billing.assistance.decisions.in.effect.ratio}: the share of patient accounts with an
 * assistance decision in effect today ("today" from the service's clock, the day at each decision's
 * site), read from the database with billing's other gauges ({@link ThrottledRefresh}).
 */
@Component
class AssistedShareGauge {

    private final Assistance assistance;
    private final PatientAccounts accounts;
    private final MeterRegistry meters;
    private final ThrottledRefresh refresh;
    private final Clock clock;
    private volatile double assistedShare;

    AssistedShareGauge(
            Assistance assistance,
            PatientAccounts accounts,
            MeterRegistry meters,
            ThrottledRefresh refresh,
            Clock clock) {
        this.assistance = assistance;
        this.accounts = accounts;
        this.meters = meters;
        this.refresh = refresh;
        this.clock = clock;
        refresh.add(this::read);
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Gauge.builder("clinic.billing.assistance.decisions.in.effect.ratio", this, g -> {
                    g.refresh.refreshIfStale();
                    return g.assistedShare;
                })
                .description("Share of patients with an assistance decision in effect today")
                .register(meters);
        read();
    }

    private void read() {
        long all = accounts.count();
        long assisted = assistance.patientsAssistedAt(clock.instant());
        assistedShare = all == 0 ? 0 : (double) assisted / all;
    }
}
