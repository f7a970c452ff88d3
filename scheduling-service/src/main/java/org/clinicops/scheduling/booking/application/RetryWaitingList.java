package org.clinicops.scheduling.booking.application;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;
import org.clinicops.scheduling.sites.application.SiteCapacityChanged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Books waiting requests, plans and sessions released from a hold when capacity may have appeared:
 * after a site change, a cancellation or a hold, a patient's release from a clinical hold, and
 * periodically. Urgent requests first, then the oldest. Every infusion booked here goes through the
 * booking gate, so a held patient's plan keeps waiting ({@code PATIENT_ON_HOLD}). A consultation
 * retried here is searched even when this instance remembers its site as full ({@link FullSites}):
 * the time may have been freed at another instance.
 */
@Service
public class RetryWaitingList {

    private static final Logger log = LoggerFactory.getLogger(RetryWaitingList.class);

    private final WaitingList waitingList;
    private final BookConsultation bookConsultation;
    private final BookInfusionSeries bookInfusionSeries;
    private final @Nullable ClinicalHolds holds;

    RetryWaitingList(
            WaitingList waitingList, BookConsultation bookConsultation, BookInfusionSeries bookInfusionSeries) {
        this(waitingList, bookConsultation, bookInfusionSeries, null);
    }

    @Autowired
    RetryWaitingList(
            WaitingList waitingList,
            BookConsultation bookConsultation,
            BookInfusionSeries bookInfusionSeries,
            @Nullable ClinicalHolds holds) {
        this.holds = holds;
        this.waitingList = waitingList;
        this.bookConsultation = bookConsultation;
        this.bookInfusionSeries = bookInfusionSeries;
    }

    @EventListener
    void onSiteChanged(SiteCapacityChanged changed) {
        retry(changed.siteId());
    }

    @EventListener
    void onCapacityFreed(CapacityFreed freed) {
        retry(freed.siteId());
    }

    @EventListener
    void onPatientReleased(PatientReleased released) {
        retryPatient(released.patientId());
    }

    /** Retries the entries of one patient (after their last hold was released); answers how many were booked. */
    public synchronized int retryPatient(String patientId) {
        int booked = 0;
        for (WaitingEntry entry : waitingList.inRetryOrder()) {
            if (entry.patientId().equals(patientId) && attempt(entry) == BookingOutcome.BOOKED) {
                booked++;
            }
        }
        return booked;
    }

    @Scheduled(
            fixedDelayString = "${clinic.scheduling.waiting-list-retry-interval:60s}",
            initialDelayString = "${clinic.scheduling.waiting-list-retry-interval:60s}")
    void periodically() {
        retry(null);
        if (holds != null) {
            holds.rebookReleased();
        }
    }

    /**
     * Retries the entries of one site (or all when null); answers how many were booked. Once a
     * consultation at a site stays waiting, the site's later consultations in this pass are left for
     * the next one: they are all the same length, so they would find no time either, and each
     * attempt reads the site's occupancy over the whole horizon. Series differ in length and spacing
     * and are each tried.
     */
    public synchronized int retry(@Nullable String siteId) {
        int booked = 0;
        Set<String> consultationsFull = new HashSet<>();
        for (WaitingEntry entry : waitingList.inRetryOrder()) {
            if (siteId != null && !siteId.equals(entry.siteId())) {
                continue;
            }
            if (entry.kind() == WaitingEntry.Kind.CONSULTATION && consultationsFull.contains(entry.siteId())) {
                continue;
            }
            BookingOutcome outcome = attempt(entry);
            if (outcome == BookingOutcome.BOOKED) {
                booked++;
            } else if (outcome == BookingOutcome.WAITING && entry.kind() == WaitingEntry.Kind.CONSULTATION) {
                consultationsFull.add(entry.siteId());
            }
        }
        return booked;
    }

    private BookingOutcome attempt(WaitingEntry entry) {
        try {
            return switch (entry.kind()) {
                case CONSULTATION ->
                    bookConsultation.retry(new BookConsultationCommand(
                            entry.requestId(), entry.patientId(), entry.siteId(), entry.urgent(), entry.requestedAt()));
                case SERIES ->
                    bookInfusionSeries.handle(new BookInfusionSeriesCommand(
                            new InfusionPlan(
                                    entry.planId(),
                                    entry.protocol(),
                                    entry.route(),
                                    entry.sessions(),
                                    entry.infusionMinutes(),
                                    entry.observationMinutes(),
                                    entry.doseMg() == null ? BigDecimal.ZERO : entry.doseMg(),
                                    entry.escortRequired(),
                                    entry.doseMgPerKg()),
                            entry.patientId(),
                            entry.siteId(),
                            new SpacingPolicy(entry.minSpacingDays(), entry.maxSpacingDays(), entry.weekdaysOnly()),
                            entry.requestedAt()));
                case HELD_SESSIONS ->
                    holds == null
                            ? BookingOutcome.WAITING
                            : holds.retryWaiting(entry.patientId(), String.valueOf(entry.planId()));
            };
        } catch (RuntimeException e) {
            log.warn(
                    "waiting list entry {} could not be retried: {}",
                    entry.id(),
                    e.getClass().getSimpleName());
            return BookingOutcome.WAITING;
        }
    }
}
