package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.BookingRefusedException;
import org.clinicops.scheduling.booking.domain.BookingRule;
import org.clinicops.scheduling.booking.domain.BookingRules;
import org.clinicops.scheduling.booking.domain.PatientHolds;
import org.clinicops.scheduling.booking.domain.PatientSchedule;
import org.clinicops.scheduling.booking.domain.Placement;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one place that decides whether an appointment may take a time, or an infusion may begin.
 * Every path that creates, moves or starts an infusion calls it last, before it writes: a series
 * from an approved plan or from the waiting list, a reschedule or walk-in, a rebooking after a hold
 * is released, check-in and start.
 *
 * <p>It checks the {@link BookingRules} over the patient as stored now (active clinical holds, one
 * infusion a local day, the plan's weekdays, order and spacing, opening hours with observation) and
 * then reserves the slot's cells, all or none, whose unique ids decide chair, nurse ratio, physician
 * and the patient's own time. A refusal is a {@link BookingRefusedException} naming the rule. Slot
 * searches use the same rules ({@link #rulesFor}) to propose only times the gate accepts.
 *
 * <p>A hold placed while a booking is being written is caught by {@link #afterWrite}: the patient's
 * sessions booked meanwhile go on hold at once.
 */
@Service
public class BookingGate {

    /**
     * Infusions that have begun (checked in, in progress or ended): a second one on the same day is
     * never started. Every status but these four.
     */
    private static final Set<AppointmentStatus> BEGUN = EnumSet.complementOf(EnumSet.of(
            AppointmentStatus.SCHEDULED,
            AppointmentStatus.CANCELLED,
            AppointmentStatus.NO_SHOW,
            AppointmentStatus.ON_HOLD));

    private final AppointmentRepository appointments;
    private final PatientHoldsRepository holds;
    private final SiteRepository sites;
    private final Reservations reservations;
    private final HeldSessions heldSessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingGate(
            AppointmentRepository appointments,
            PatientHoldsRepository holds,
            SiteRepository sites,
            Reservations reservations,
            HeldSessions heldSessions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.appointments = appointments;
        this.holds = holds;
        this.sites = sites;
        this.reservations = reservations;
        this.heldSessions = heldSessions;
        this.events = events;
        this.clock = clock;
    }

    /** Whether any clinical hold of the patient is active. */
    public boolean isHeld(String patientId) {
        return holds.findById(patientId).map(PatientHolds::held).orElse(false);
    }

    /** The rules over the patient as stored now, leaving out the appointments being placed. */
    public BookingRules rulesFor(String patientId, Collection<String> placing) {
        PatientSchedule schedule = PatientSchedule.of(
                        appointments.findOfPatient(patientId, PatientSchedule.takingPlace()))
                .without(placing);
        return new BookingRules(schedule, isHeld(patientId), clock.instant());
    }

    /**
     * Checks the placements of one patient in order (each also against the ones before it), capacity
     * aside; throws the first refusal.
     */
    public BookingRules check(String patientId, List<Placement> placements) {
        BookingRules rules = rulesFor(
                patientId, placements.stream().map(Placement::appointmentId).toList());
        for (Placement placement : placements) {
            var refusal = rules.refusal(placement);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            rules = rules.with(placement);
        }
        return rules;
    }

    /**
     * The final check before a write: the rules, then the cells of every placement reserved together
     * or none ({@link BookingRule#SLOT_TAKEN} when another appointment holds one).
     */
    public void admit(String patientId, List<Placement> placements, List<Reservation> cells) {
        check(patientId, placements);
        if (!reservations.reserveAll(cells)) {
            throw new BookingRefusedException(BookingRule.SLOT_TAKEN, "the requested time is taken");
        }
    }

    /**
     * Check-in and start of an infusion: refused while the patient is held, and when another
     * infusion of the patient has begun on the same local day.
     */
    public void requireMayBegin(Appointment appointment) {
        if (appointment.type() != AppointmentType.INFUSION) {
            return;
        }
        if (isHeld(appointment.patientId())) {
            throw new BookingRefusedException(
                    BookingRule.PATIENT_ON_HOLD,
                    "the patient is on clinical hold: no infusion is checked in or started until it is released");
        }
        ZoneId zone = sites.findForReading(appointment.siteId()).map(Site::zone).orElse(ZoneOffset.UTC);
        LocalDate day = appointment.startsAt().atZone(zone).toLocalDate();
        boolean another = appointments.findOfPatient(appointment.patientId(), BEGUN).stream()
                .filter(a -> a.type() == AppointmentType.INFUSION && !a.id().equals(appointment.id()))
                .anyMatch(a -> a.startsAt().atZone(zone).toLocalDate().equals(day));
        if (another) {
            throw new BookingRefusedException(
                    BookingRule.SAME_DAY, "another infusion of the patient has already begun on " + day);
        }
    }

    /**
     * After a booking was written: a hold that arrived while it was being written puts the patient's
     * sessions on hold now, so nothing booked meanwhile escapes it.
     */
    public void afterWrite(String patientId) {
        if (isHeld(patientId)) {
            heldSessions.holdAll(patientId).forEach(site -> events.publishEvent(new CapacityFreed(site)));
        }
    }
}
