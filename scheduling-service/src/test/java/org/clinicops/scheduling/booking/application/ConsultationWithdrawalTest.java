package org.clinicops.scheduling.booking.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicops.events.ConsultationCancelled;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.booking.adapter.mongo.MongoBookingStores;
import org.clinicops.scheduling.booking.adapter.mongo.MongoReservations;
import org.clinicops.scheduling.booking.adapter.mongo.MongoWaitingList;
import org.clinicops.scheduling.booking.adapter.mongo.MongoWithdrawnRequests;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.sites.adapter.mongo.MongoSiteStores;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.Site;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A withdrawn request leaves the waiting list and its consultation not held yet is cancelled once,
 * whichever of withdrawal and request scheduling applies first (they travel on different topics).
 */
class ConsultationWithdrawalTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    // Monday 30 November 2026, 06:00 in Chicago; the site opens at 08:00
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant FIRST_TIME = Instant.parse("2026-11-30T14:00:00Z");

    private MongoClient client;
    private MongoTemplate mongo;
    private SiteRepository sites;
    private AppointmentRepository appointments;
    private MongoWaitingList waitingList;
    private BookConsultation consultation;
    private WithdrawConsultationRequest withdrawal;
    private final List<Object> published = new ArrayList<>();

    @BeforeEach
    void setUp() {
        String uri = InMemoryMongo.freshDatabaseUri("withdrawal");
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
        sites = MongoSiteStores.sites(mongo);
        appointments = MongoBookingStores.appointments(mongo);
        MongoReservations reservations = new MongoReservations(mongo, CLOCK);
        waitingList = new MongoWaitingList(mongo);
        SchedulingProperties properties = new SchedulingProperties(
                15,
                45,
                7,
                7,
                3,
                Duration.ofHours(2),
                Duration.ofMinutes(30),
                Duration.ofHours(24),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        IdGenerator ids = p -> p + UUID.randomUUID();
        withdrawal = new WithdrawConsultationRequest(
                new MongoWithdrawnRequests(mongo),
                waitingList,
                appointments,
                reservations,
                properties,
                ids,
                CLOCK,
                published::add);
        consultation = new BookConsultation(
                sites,
                appointments,
                reservations,
                waitingList,
                new SlotSearch(properties, reservations),
                properties,
                ids,
                CLOCK,
                withdrawal);
        mongo.insert(Site.register(
                "chi",
                "Chicago",
                ZONE,
                "USD",
                List.of(new Chair("chi-1", "Chair 1", true)),
                List.of(new Clinician("chi-rn", "Nurse", ClinicianRole.NURSE)),
                List.of(
                        OpeningHours.of(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)),
                        OpeningHours.of(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))),
                "evt_site",
                CLOCK.instant()));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void addPhysician() {
        Site site = sites.findById("chi").orElseThrow();
        List<Clinician> staff = new ArrayList<>(site.clinicians());
        staff.add(new Clinician("chi-dr", "Dr", ClinicianRole.PHYSICIAN));
        site.changeClinicians(staff, "evt_staff", CLOCK.instant());
        sites.save(site);
    }

    private static BookConsultationCommand request(String requestId) {
        return new BookConsultationCommand(requestId, "p_" + requestId, "chi", false, CLOCK.instant());
    }

    private void withdraw(String requestId) {
        withdrawal.handle(new WithdrawConsultationRequest.Command(
                requestId, "p_" + requestId, "chi", CLOCK.instant().minusSeconds(30)));
    }

    private List<PendingEvent> cancellationsIn(Appointment a) {
        return a.pendingEvents().stream()
                .filter(e -> e.type().equals(EventType.CONSULTATION_CANCELLED.type()))
                .toList();
    }

    @Test
    void aWithdrawalCancelsTheBookedConsultationOnceAndFreesItsTime() {
        addPhysician();
        assertThat(consultation.handle(request("req_1"))).isEqualTo(BookingOutcome.BOOKED);

        withdraw("req_1");
        withdraw("req_1"); // a redelivery that the inbox did not catch

        Appointment cancelled = appointments.findById("apt_c_req_1").orElseThrow();
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("REQUEST_WITHDRAWN");
        assertThat(cancellationsIn(cancelled))
                .singleElement()
                .satisfies(e -> assertThat(EventJson.read(
                                        e.body().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                        ConsultationCancelled.class)
                                .reason())
                        .isEqualTo(ConsultationCancelled.Reason.REQUEST_WITHDRAWN));
        assertThat(published).containsExactly(new CapacityFreed("chi"));
        // the physician's time is free again: the next request gets the same time
        assertThat(consultation.handle(request("req_2"))).isEqualTo(BookingOutcome.BOOKED);
        assertThat(appointments.findById("apt_c_req_2").orElseThrow().startsAt())
                .isEqualTo(FIRST_TIME);
    }

    @Test
    void aWithdrawalTakesAWaitingRequestOffTheWaitingList() {
        assertThat(consultation.handle(request("req_1"))).isEqualTo(BookingOutcome.WAITING);
        assertThat(waitingList.inRetryOrder())
                .extracting(WaitingEntry::requestId)
                .containsExactly("req_1");

        withdraw("req_1");
        addPhysician();

        assertThat(waitingList.inRetryOrder()).isEmpty();
        assertThat(new RetryWaitingList(waitingList, consultation, null).retry("chi"))
                .isZero();
        assertThat(MongoBookingStores.allAppointments(mongo)).isEmpty();
    }

    @Test
    void aWithdrawalAppliedBeforeItsRequestMeansTheRequestIsNeverBookedNorKeptWaiting() {
        withdraw("req_1");

        assertThat(consultation.handle(request("req_1"))).isEqualTo(BookingOutcome.WITHDRAWN);
        addPhysician();
        assertThat(consultation.handle(request("req_1"))).isEqualTo(BookingOutcome.WITHDRAWN);

        assertThat(waitingList.inRetryOrder()).isEmpty();
        assertThat(MongoBookingStores.allAppointments(mongo)).isEmpty();
    }

    @Test
    void aWithdrawalOfARequestScheduledNeverSawLeavesOtherRequestsAlone() {
        addPhysician();
        consultation.handle(request("req_1"));

        withdraw("req_unknown");

        assertThat(appointments.findById("apt_c_req_1").orElseThrow().status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(published).isEmpty();
    }

    @Test
    void aWithdrawalAnotherInstanceRememberedAfterThisOneLookedIsStillNeverBooked() {
        addPhysician();
        consultation.handle(request("req_0")); // this instance has read the withdrawals it knows
        // another scheduling instance applies the withdrawal: this one does not know it in memory
        new MongoWithdrawnRequests(mongo).remember("req_1", "p_req_1", "chi", CLOCK.instant());

        assertThat(consultation.handle(request("req_1"))).isEqualTo(BookingOutcome.WITHDRAWN);

        Appointment consultation = appointments.findById("apt_c_req_1").orElseThrow();
        assertThat(consultation.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(consultation.cancelReason()).isEqualTo("REQUEST_WITHDRAWN");
        assertThat(waitingList.inRetryOrder()).isEmpty();
    }
}
