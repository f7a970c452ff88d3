package org.clinicops.scheduling.booking.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.scheduling.booking.application.BookConsultation;
import org.clinicops.scheduling.booking.application.BookConsultationCommand;
import org.clinicops.scheduling.booking.application.BookInfusionSeries;
import org.clinicops.scheduling.booking.application.BookInfusionSeriesCommand;
import org.clinicops.scheduling.booking.application.BookingOutcome;
import org.clinicops.scheduling.booking.application.ClinicalHolds;
import org.clinicops.scheduling.booking.application.WithdrawConsultationRequest;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin listeners: each event goes through the inbox to one use case. The inbox refuses an event whose
 * {@code ce_source} is not its topic's owner (a hold event not from monitoring goes to the
 * dead-letter topic and changes nothing).
 */
@Component
class BookingListeners {

    private final EventInbox inbox;
    private final BookConsultation bookConsultation;
    private final BookInfusionSeries bookInfusionSeries;
    private final ClinicalHolds holds;
    private final WithdrawConsultationRequest withdrawals;
    private final MeterRegistry meters;

    BookingListeners(
            EventInbox inbox,
            BookConsultation bookConsultation,
            BookInfusionSeries bookInfusionSeries,
            ClinicalHolds holds,
            WithdrawConsultationRequest withdrawals,
            MeterRegistry meters) {
        this.withdrawals = withdrawals;
        this.inbox = inbox;
        this.bookConsultation = bookConsultation;
        this.bookInfusionSeries = bookInfusionSeries;
        this.holds = holds;
        this.meters = meters;
    }

    /** {@code clinic_booking_series_seconds{outcome}}: the time to book (or queue) one series. */
    private Timer seriesTimer(BookingOutcome outcome) {
        return Timer.builder("clinic.booking.series")
                .description("Time to book a whole infusion series from its approved plan, by outcome")
                .tag("outcome", outcome.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
    }

    /**
     * At most {@code clinic.scheduling.consultation-batch-records} (default 50) requests a poll: the
     * offsets are committed once per polled batch, and a batch must end within the consumer's
     * {@code max.poll.interval.ms} (5 min, Kafka's default, kept). A request that searches the whole
     * horizon took about 0.2 s on a loaded machine (5 a second, issue 19) and one answered from the
     * full-site memo a few milliseconds, so 50 of the slow kind take about 10 s: the bound leaves a
     * factor of 30 for a slower machine, and the backlog's progress is committed every few seconds.
     */
    @KafkaListener(
            topics = "clinic.consultation-requested",
            properties = "max.poll.records=${clinic.scheduling.consultation-batch-records:50}")
    void onConsultationRequested(ConsumerRecord<String, byte[]> record) {
        // booking is idempotent by request id (the consultation's id is derived from it, the waiting
        // entry's too, and a withdrawal is checked again after writing): a redelivery finds what the
        // first delivery did, so no processed_events entry is read or written
        inbox.processIdempotent(record, ConsultationRequested.class, event -> {
            ConsultationRequested e = event.payload();
            return bookConsultation.handle(new BookConsultationCommand(
                            e.requestId(), e.patientId(), e.siteId(), e.urgent(), e.requestedAt()))
                    != BookingOutcome.ALREADY_BOOKED;
        });
    }

    @KafkaListener(topics = "clinic.consultation-request-withdrawn")
    void onConsultationRequestWithdrawn(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, ConsultationRequestWithdrawn.class, event -> {
            ConsultationRequestWithdrawn e = event.payload();
            withdrawals.handle(
                    new WithdrawConsultationRequest.Command(e.requestId(), e.patientId(), e.siteId(), e.withdrawnAt()));
        });
    }

    @KafkaListener(topics = "clinic.treatment-plan-approved")
    void onTreatmentPlanApproved(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, TreatmentPlanApproved.class, event -> {
            TreatmentPlanApproved e = event.payload();
            long started = System.nanoTime();
            BookingOutcome outcome = bookInfusionSeries.handle(new BookInfusionSeriesCommand(
                    new InfusionPlan(
                            e.planId(),
                            e.protocol(),
                            e.route(),
                            e.sessions(),
                            e.infusionMinutes(),
                            e.observationMinutes(),
                            e.doseMg(),
                            e.escortRequired(),
                            e.doseMgPerKg()),
                    e.patientId(),
                    e.siteId(),
                    new SpacingPolicy(
                            e.minSpacingDays(), Math.max(e.minSpacingDays(), e.maxSpacingDays()), e.weekdaysOnly()),
                    e.approvedAt()));
            seriesTimer(outcome).record(Duration.ofNanos(System.nanoTime() - started));
        });
    }

    @KafkaListener(topics = "clinic.clinical-hold-placed")
    void onHoldPlaced(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, ClinicalHoldPlaced.class, event -> {
            ClinicalHoldPlaced e = event.payload();
            holds.place(e.holdId(), e.patientId(), e.siteId(), e.placedAt());
        });
    }

    @KafkaListener(topics = "clinic.clinical-hold-released")
    void onHoldReleased(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, ClinicalHoldReleased.class, event -> {
            ClinicalHoldReleased e = event.payload();
            holds.release(e.holdId(), e.patientId(), e.siteId(), e.releasedAt());
        });
    }
}
