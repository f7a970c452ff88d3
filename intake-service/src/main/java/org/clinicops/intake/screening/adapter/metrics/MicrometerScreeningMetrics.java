package org.clinicops.intake.screening.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.events.PatientScreened.Eligibility;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.screening.application.ScreeningMetrics;
import org.springframework.stereotype.Component;

/** Screenings recorded, by site and eligibility. */
@Component
class MicrometerScreeningMetrics implements ScreeningMetrics {

    private final MeterRegistry meters;

    MicrometerScreeningMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void screened(ConsultationRequest request, Eligibility eligibility) {
        Counter.builder("clinic.intake.screenings")
                .description("Screenings recorded, by eligibility")
                .tag("site", request.siteId())
                .tag("eligibility", eligibility.name())
                .register(meters)
                .increment();
    }
}
