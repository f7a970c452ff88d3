package org.clinicops.intake.requests.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.springframework.stereotype.Component;

/** Intake's own metrics; labels are bounded (site, condition, referral source, eligibility). */
@Component
class IntakeMetrics {

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void requested(ConsultationRequest request) {
        Counter.builder("clinic.intake.requests")
                .description("Consultation requests received")
                .tag("site", request.siteId())
                .tag("condition", request.condition().name())
                .tag("referral_source", request.referralSource().name())
                .register(meters)
                .increment();
    }

    void screened(ConsultationRequest request, String eligibility) {
        Counter.builder("clinic.intake.screenings")
                .description("Screenings recorded, by eligibility")
                .tag("site", request.siteId())
                .tag("eligibility", eligibility)
                .register(meters)
                .increment();
    }

    void decided(ConsultationRequest request, String outcome, Duration sinceRequest) {
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
