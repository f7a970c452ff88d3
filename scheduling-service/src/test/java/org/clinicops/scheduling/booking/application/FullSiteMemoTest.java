package org.clinicops.scheduling.booking.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.scheduling.booking.application.ConsultationWorld.MONDAY_7AM;
import static org.clinicops.scheduling.booking.application.ConsultationWorld.ZONE;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.sites.application.SiteCapacityChanged;
import org.clinicops.scheduling.sites.domain.Site;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The full-site memo ({@link FullSites}): a site whose horizon has no free physician time answers
 * the next requests without reading occupancy, and every way time comes free (and a new day in the
 * horizon) makes the next request search again and book.
 */
class FullSiteMemoTest {

    private ConsultationWorld world;

    @BeforeEach
    void oneSiteWithOnePhysician() {
        world = new ConsultationWorld(true, MONDAY_7AM);
        world.site("lim", "dr-1");
    }

    /** Books the six consultations the two-day horizon holds (Monday to Wednesday, 08:00 and 08:45). */
    private void fillHorizon() {
        for (int n = 1; n <= 6; n++) {
            assertThat(world.request("req_" + n, "p_" + n, "lim")).isEqualTo(BookingOutcome.BOOKED);
        }
    }

    /**
     * Two requests find the site full, the second from the memo; both are withdrawn so no waiting
     * entry takes time freed later and the next request shows what the memo answered.
     */
    private void rememberFull() {
        assertThat(world.request("full_1", "p_90", "lim")).isEqualTo(BookingOutcome.WAITING);
        int reads = world.reservations.occupancyReads;
        assertThat(world.request("full_2", "p_91", "lim")).isEqualTo(BookingOutcome.WAITING);
        assertThat(world.reservations.occupancyReads)
                .as("answered from the memo")
                .isEqualTo(reads);
        world.withdraw("full_1", "p_90", "lim");
        world.withdraw("full_2", "p_91", "lim");
        assertThat(world.waiting()).isEmpty();
    }

    private static Instant at(int day, int hour, int minute) {
        return LocalDate.of(2026, 10, 5)
                .plusDays(day)
                .atTime(LocalTime.of(hour, minute))
                .atZone(ZONE)
                .toInstant();
    }

    @Test
    void aFullSiteAnswersFromTheMemoWithoutReadingOccupancy() {
        fillHorizon();
        assertThat(world.request("req_7", "p_7", "lim")).isEqualTo(BookingOutcome.WAITING);
        int reads = world.reservations.occupancyReads;

        for (int n = 8; n <= 50; n++) {
            world.clock.advance(Duration.ofSeconds(0));
            assertThat(world.request("req_" + n, "p_" + n, "lim")).isEqualTo(BookingOutcome.WAITING);
        }

        assertThat(world.reservations.occupancyReads).isEqualTo(reads);
        assertThat(world.waitingList.sizeBySite()).containsEntry("lim", 44L);
        assertThat(world.waitingList.inRetryOrder())
                .allSatisfy(entry -> assertThat(entry.reason()).isEqualTo("NO_CAPACITY"));
    }

    @Test
    void aDayFullForAnyoneIsNeitherReadNorSearchedAgain() {
        assertThat(world.request("req_1", "p_1", "lim")).isEqualTo(BookingOutcome.BOOKED);
        assertThat(world.request("req_2", "p_2", "lim")).isEqualTo(BookingOutcome.BOOKED);
        assertThat(world.request("req_3", "p_3", "lim")).isEqualTo(BookingOutcome.BOOKED);
        assertThat(world.consultationOf("req_3").startsAt()).isEqualTo(at(1, 8, 0));
        int reads = world.reservations.occupancyReads;

        assertThat(world.request("req_4", "p_4", "lim")).isEqualTo(BookingOutcome.BOOKED);

        assertThat(world.consultationOf("req_4").startsAt()).isEqualTo(at(1, 8, 45));
        assertThat(world.reservations.readsFrom.subList(reads, world.reservations.readsFrom.size()))
                .as("Monday, full, is not read again")
                .containsExactly(at(1, 0, 0));
    }

    @Test
    void timeFreedOnADayRememberedFullIsBookedAgain() {
        for (int n = 1; n <= 4; n++) {
            assertThat(world.request("req_" + n, "p_" + n, "lim")).isEqualTo(BookingOutcome.BOOKED);
        }

        world.cancel("req_2");

        assertThat(world.request("req_5", "p_5", "lim")).isEqualTo(BookingOutcome.BOOKED);
        assertThat(world.consultationOf("req_5").startsAt()).isEqualTo(at(0, 8, 45));
    }

    @Test
    void aDayFullOnlyForThisPatientIsNotRememberedFull() {
        world.site("two", "dr-2", "dr-3");
        assertThat(world.request("a_1", "p_1", "two")).isEqualTo(BookingOutcome.BOOKED);
        assertThat(world.request("a_2", "p_1", "two")).isEqualTo(BookingOutcome.BOOKED);
        // Monday has no time for p_1 (busy at both starts), but dr-3 is free at both
        assertThat(world.request("a_3", "p_1", "two")).isEqualTo(BookingOutcome.BOOKED);
        assertThat(world.consultationOf("a_3").startsAt()).isEqualTo(at(1, 8, 0));

        assertThat(world.request("b_1", "p_2", "two")).isEqualTo(BookingOutcome.BOOKED);

        assertThat(world.consultationOf("b_1").startsAt()).isEqualTo(at(0, 8, 0));
    }

    @Test
    void aPatientBusyEverywhereFreeDoesNotMakeTheSiteFullForOthers() {
        world.site("two", "dr-2", "dr-3");
        // p_1 takes dr-2's time; dr-3 is free then, but not for p_1, who is busy at every free time
        for (int n = 1; n <= 6; n++) {
            assertThat(world.request("a_" + n, "p_1", "two")).isEqualTo(BookingOutcome.BOOKED);
        }
        assertThat(world.request("a_7", "p_1", "two")).isEqualTo(BookingOutcome.WAITING);

        assertThat(world.request("b_1", "p_2", "two")).isEqualTo(BookingOutcome.BOOKED);
    }

    @Test
    void aCancellationMakesTheNextRequestBook() {
        fillHorizon();
        rememberFull();
        Instant freed = world.consultationOf("req_5").startsAt();

        world.cancel("req_5");

        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.BOOKED);
        assertThat(world.consultationOf("req_8").startsAt()).isEqualTo(freed);
    }

    @Test
    void aWithdrawnBookedRequestMakesTheNextRequestBook() {
        fillHorizon();
        rememberFull();

        world.withdraw("req_6", "p_6", "lim");

        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.BOOKED);
    }

    @Test
    void aRescheduleMakesTheNextRequestBookTheTimeItLeft() {
        fillHorizon();
        rememberFull();
        Instant left = world.consultationOf("req_6").startsAt();

        world.reschedule.handle(Appointment.consultationId("req_6"), at(3, 8, 0)); // Thursday, past the horizon

        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.BOOKED);
        assertThat(world.consultationOf("req_8").startsAt()).isEqualTo(left);
    }

    @Test
    void aNoShowMakesTheNextRequestSearchAgain() {
        fillHorizon();
        rememberFull();
        world.clock.advanceTo(at(0, 8, 5));
        int reads = world.reservations.occupancyReads;

        world.session.noShow(Appointment.consultationId("req_1"));

        // the time freed has begun, so the request still waits; but it looked
        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.WAITING);
        assertThat(world.reservations.occupancyReads).isGreaterThan(reads);
    }

    @Test
    void aNewPhysicianMakesTheNextRequestBookEvenWithoutTheChangeEvent() {
        fillHorizon();
        rememberFull();
        Site site = world.sites.findById("lim").orElseThrow();

        // changed at another instance: this one hears no event, the site it reads differs
        site.changeClinicians(ConsultationWorld.physicians("dr-1", "dr-2"), "evt_change", world.clock.instant());
        world.siteStore.save(site);

        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.BOOKED);
    }

    @Test
    void aSiteChangeEventForgetsTheSite() {
        fillHorizon();
        rememberFull();
        int reads = world.reservations.occupancyReads;

        world.fullSites.onSiteChanged(new SiteCapacityChanged("lim"));

        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.WAITING);
        assertThat(world.reservations.occupancyReads).isGreaterThan(reads);
    }

    @Test
    void sweptOrphanCellsMakeTheNextRequestSearchAgain() {
        fillHorizon();
        rememberFull();
        int reads = world.reservations.occupancyReads;
        world.reservations.orphans = 2;

        assertThat(world.sweep.sweep()).isEqualTo(2);

        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.WAITING);
        assertThat(world.reservations.occupancyReads).isGreaterThan(reads);
    }

    @Test
    void timeFreedAtAnotherSiteOfTheSamePhysicianMakesTheNextRequestBook() {
        world.site("two", "dr-1");
        for (int n = 1; n <= 5; n++) {
            assertThat(world.request("req_" + n, "p_" + n, "lim")).isEqualTo(BookingOutcome.BOOKED);
        }
        assertThat(world.request("elsewhere", "p_6", "two")).isEqualTo(BookingOutcome.BOOKED);
        rememberFull();

        world.cancel("elsewhere");

        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.BOOKED);
    }

    @Test
    void aNewDayEnteringTheHorizonMakesTheNextRequestBookOnIt() {
        fillHorizon();
        world.clock.advanceTo(at(0, 23, 59).plusSeconds(40));
        rememberFull();

        world.clock.advanceTo(at(1, 0, 0).plusSeconds(5)); // Tuesday, within the memo's time to live

        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.BOOKED);
        assertThat(world.consultationOf("req_8").startsAt())
                .as("Thursday entered the horizon")
                .isEqualTo(at(3, 8, 0));
    }

    @Test
    void theMemoLapsesAfterItsTimeToLive() {
        fillHorizon();
        rememberFull();
        int reads = world.reservations.occupancyReads;

        world.clock.advance(Duration.ofSeconds(31));

        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.WAITING);
        assertThat(world.reservations.occupancyReads).isGreaterThan(reads);
    }

    @Test
    void theWaitingListRetrySearchesEvenWhileTheSiteIsRememberedFull() {
        fillHorizon();
        assertThat(world.request("req_7", "p_7", "lim")).isEqualTo(BookingOutcome.WAITING);
        // time freed at another instance: its cells are gone, this instance heard nothing
        Appointment freedElsewhere = world.consultationOf("req_2");
        freedElsewhere.cancel(
                InfusionCancelled.Reason.PATIENT_REQUEST, Duration.ofHours(24), "evt_elsewhere", world.clock.instant());
        world.appointments.save(freedElsewhere);
        world.reservations.releaseExcept(freedElsewhere.id(), List.of());
        assertThat(world.request("req_8", "p_8", "lim")).isEqualTo(BookingOutcome.WAITING); // memo: stale here

        assertThat(world.retry.retry(null)).isEqualTo(1);

        assertThat(world.consultationOf("req_7").startsAt()).isEqualTo(freedElsewhere.startsAt());
    }
}
