package org.clinicops.intake.plans.adapter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.clinicops.intake.plans.application.DecisionMetrics;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.springframework.stereotype.Component;

/** Time from request to decision, by site and outcome, as a histogram. */
@Component
class MicrometerDecisionMetrics implements DecisionMetrics {

    private final MeterRegistry meters;

    MicrometerDecisionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void decided(ConsultationRequest request, String outcome, Duration sinceRequest) {
        Timer.builder("clinic.intake.request.to.decision")
                .description("Time from consultation request to the decision to treat")
                .tag("site", request.siteId())
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(120))
                .register(meters)
                .record(sinceRequest);
    }
}
