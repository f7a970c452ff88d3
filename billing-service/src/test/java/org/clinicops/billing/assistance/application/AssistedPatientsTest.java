package org.clinicops.billing.assistance.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Which patients count as assisted "today" for the share-with-assistance metric. */
@ServiceIntegrationTest
class AssistedPatientsTest {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Autowired
    Assistance assistance;

    @Autowired
    BillingSites sites;

    @Autowired
    TestClock clock;

    @Test
    void countsADecisionOnTheDayItIsAtItsSiteNotOnTheDayInUtc() {
        Instant decidedAt = Instant.parse("2027-03-01T17:00:00Z");
        clock.set(decidedAt);
        sites.handle(
                new SiteUpdated("lax_fa", "Los Angeles", LOS_ANGELES.getId(), "USD", 4, List.of(), true, decidedAt));
        // 22:00 on the decision's last day in Los Angeles is already the next day in UTC
        Instant lastEvening =
                ZonedDateTime.of(2027, 3, 31, 22, 0, 0, 0, LOS_ANGELES).toInstant();
        Instant nextMorning =
                ZonedDateTime.of(2027, 4, 1, 1, 0, 0, 0, LOS_ANGELES).toInstant();
        long eveningBefore = assistance.patientsAssistedAt(lastEvening);
        long morningBefore = assistance.patientsAssistedAt(nextMorning);

        assistance.handle(new Assistance.Decide(
                "p_fa_lax",
                "lax_fa",
                3,
                new BigDecimal("40000"),
                LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-31"),
                "clerk"));

        assertThat(assistance.patientsAssistedAt(lastEvening)).isEqualTo(eveningBefore + 1);
        assertThat(assistance.patientsAssistedAt(nextMorning)).isEqualTo(morningBefore);
    }
}
