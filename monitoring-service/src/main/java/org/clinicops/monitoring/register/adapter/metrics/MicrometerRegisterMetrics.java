package org.clinicops.monitoring.register.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.monitoring.register.application.RegisterMetrics;
import org.clinicops.monitoring.register.domain.EntryKind;
import org.springframework.stereotype.Component;

/** {@code clinic_register_entries_total{site,kind}}: entries written to the register. */
@Component
class MicrometerRegisterMetrics implements RegisterMetrics {

    private final MeterRegistry meters;

    MicrometerRegisterMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void entryWritten(String siteId, EntryKind kind) {
        Counter.builder("clinic.register.entries")
                .description("Entries written to the controlled-substance register, by kind")
                .tag("site", siteId)
                .tag("kind", kind.name())
                .register(meters)
                .increment();
    }
}
