package org.clinicops.intake.sites.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The physicians of a site as intake keeps it (which version wins: platform-support's SiteUpdatesTest). */
class KnownSiteTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    private static KnownSite at(Instant updatedAt) {
        return new KnownSite("bos", "Boston", "America/New_York", true, updatedAt, List.of("dr-1"));
    }

    @Test
    void aSiteStoredBeforePhysiciansWereKeptNamesNone() {
        assertThat(new KnownSite("bos", "Boston", "America/New_York", true, NINE, null).physicianIds())
                .isEmpty();
        assertThat(at(NINE).physicianIds()).containsExactly("dr-1");
    }
}
