package org.clinicops.intake.requests.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.intake.requests.application.RequestMetrics;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.springframework.stereotype.Component;

/** Requests received, by site, condition and referral source. */
@Component
class MicrometerRequestMetrics implements RequestMetrics {

    private final MeterRegistry meters;

    MicrometerRequestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void requested(ConsultationRequest request) {
        Counter.builder("clinic.intake.requests")
                .description("Consultation requests received")
                .tag("site", request.siteId())
                .tag("condition", request.condition().name())
                .tag("referral_source", request.referralSource().name())
                .register(meters)
                .increment();
    }
}
