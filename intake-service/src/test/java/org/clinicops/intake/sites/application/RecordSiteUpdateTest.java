package org.clinicops.intake.sites.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinicops.events.SiteUpdated;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.intake.sites.domain.KnownSite;
import org.junit.jupiter.api.Test;

/** Site-updated events in any order leave the newest version of the site, with its physicians. */
class RecordSiteUpdateTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    private final Map<String, KnownSite> stored = new HashMap<>();
    private final KnownSites sites = new KnownSites() {
        @Override
        public Optional<KnownSite> find(String siteId) {
            return Optional.ofNullable(stored.get(siteId));
        }

        @Override
        public void save(KnownSite site) {
            stored.put(site.id(), site);
        }
    };
    private final RecordSiteUpdate record = new RecordSiteUpdate(sites);
    private final SiteDirectory directory = new SiteDirectory(sites);

    private static SiteUpdated update(boolean active, Instant updatedAt, String physician) {
        return new SiteUpdated(
                "bos",
                "Boston",
                "America/New_York",
                "USD",
                4,
                List.of(
                        new SiteUpdated.Clinician(physician, ClinicianRole.PHYSICIAN),
                        new SiteUpdated.Clinician("rn-1", ClinicianRole.NURSE)),
                active,
                updatedAt);
    }

    @Test
    void keepsTheNewestVersionOfASiteWhateverTheOrderOfItsEvents() {
        record.handle(update(false, NINE.plusSeconds(60), "dr-2"));
        record.handle(update(true, NINE, "dr-1"));

        assertThat(directory.accepts("bos")).isFalse();
        assertThat(directory.physiciansOf("bos")).containsExactly("dr-2");

        record.handle(update(true, NINE.plusSeconds(120), "dr-3"));

        assertThat(directory.accepts("bos")).isTrue();
        assertThat(directory.physiciansOf("bos")).containsExactly("dr-3");
    }

    @Test
    void anUnknownSiteTakesNoRequestsAndNamesNoPhysicians() {
        assertThat(directory.accepts("den")).isFalse();
        assertThat(directory.physiciansOf("den")).isEmpty();
    }
}
