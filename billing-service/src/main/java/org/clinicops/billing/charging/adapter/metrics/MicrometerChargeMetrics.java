package org.clinicops.billing.charging.adapter.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import org.clinicops.billing.charging.application.ChargeMetrics;
import org.springframework.stereotype.Component;

/** Histograms of the patient's share per session and per course, by site and currency. */
@Component
class MicrometerChargeMetrics implements ChargeMetrics {

    private final MeterRegistry meters;

    MicrometerChargeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void sessionOutOfPocket(String site, String currency, BigDecimal amount) {
        summary(
                        "clinic.billing.invoiced.patient.responsibility.per.session",
                        "Patient responsibility per session as billing invoiced it (the out-of-pocket indicator is monitoring's)",
                        site,
                        currency)
                .record(amount.doubleValue());
    }

    @Override
    public void courseOutOfPocket(String site, String currency, BigDecimal amount) {
        summary(
                        "clinic.billing.invoiced.patient.responsibility.per.course",
                        "Patient responsibility per completed course as billing invoiced it (the indicator is monitoring's)",
                        site,
                        currency)
                .record(amount.doubleValue());
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
