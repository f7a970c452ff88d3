package org.clinicops.platform.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.clinicops.events.SiteUpdated;
import org.clinicops.events.SiteUpdated.Clinician;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.junit.jupiter.api.Test;

/** Which version of a site every service keeps. */
class SiteUpdatesTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    private static SiteUpdated at(Instant updatedAt) {
        return new SiteUpdated(
                "bos",
                "Boston",
                "America/New_York",
                "USD",
                4,
                List.of(new Clinician("dr-1", ClinicianRole.PHYSICIAN), new Clinician("rn-1", ClinicianRole.NURSE)),
                true,
                updatedAt);
    }

    @Test
    void anUnknownSiteOrOneStoredBeforeVersionsIsTakenAsItComes() {
        assertThat(SiteUpdates.isCurrent(at(NINE), null)).isTrue();
    }

    @Test
    void aNewerVersionReplacesTheStoredOne() {
        assertThat(SiteUpdates.isCurrent(at(NINE.plusSeconds(1)), NINE)).isTrue();
    }

    @Test
    void theSameVersionAgainIsHarmless() {
        assertThat(SiteUpdates.isCurrent(at(NINE), NINE)).isTrue();
    }

    @Test
    void anOlderVersionArrivingLateChangesNothing() {
        assertThat(SiteUpdates.isCurrent(at(NINE.minusSeconds(1)), NINE)).isFalse();
    }

    @Test
    void thePhysiciansAreTheCliniciansWithThatRole() {
        assertThat(SiteUpdates.physicianIds(at(NINE))).containsExactly("dr-1");
    }
}
