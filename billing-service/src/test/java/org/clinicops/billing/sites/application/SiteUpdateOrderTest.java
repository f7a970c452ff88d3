package org.clinicops.billing.sites.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.clinicops.billing.sites.domain.BillingSite;
import org.clinicops.billing.sites.domain.FeeItem;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Billing's copy of a site follows the newest site-updated, whatever order they arrive in. */
@ServiceIntegrationTest
class SiteUpdateOrderTest {

    private static final Instant NINE = Instant.parse("2027-03-01T09:00:00Z");

    @Autowired
    BillingSites sites;

    @Test
    void anOlderSiteUpdatedArrivingLateChangesNothing() {
        sites.handle(site("ord_1", "Boston Back Bay", "EUR", NINE.plusSeconds(60)));
        sites.handle(site("ord_1", "Boston", "USD", NINE));

        BillingSite site = sites.get("ord_1");
        assertThat(site.name()).isEqualTo("Boston Back Bay");
        assertThat(site.currency()).isEqualTo("EUR");
        assertThat(site.describedAsOf()).isEqualTo(NINE.plusSeconds(60));
    }

    @Test
    void theSameVersionTwiceAndANewerOneApplyAndTheScheduleIsKept() {
        sites.handle(site("ord_2", "Denver", "USD", NINE));
        sites.replaceSchedule("ord_2", List.of(new FeeItem("J3490", "Ketamine", new BigDecimal("42.00"), null, null)));
        sites.handle(site("ord_2", "Denver", "USD", NINE));
        sites.handle(site("ord_2", "Denver Highlands", "USD", NINE.plusSeconds(1)));

        BillingSite site = sites.get("ord_2");
        assertThat(site.name()).isEqualTo("Denver Highlands");
        assertThat(site.feeSchedule()).extracting(FeeItem::code).containsExactly("J3490");
    }

    private static SiteUpdated site(String id, String name, String currency, Instant updatedAt) {
        return new SiteUpdated(id, name, "America/New_York", currency, 4, List.of(), true, updatedAt);
    }
}
