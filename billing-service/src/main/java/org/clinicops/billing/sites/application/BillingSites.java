package org.clinicops.billing.sites.application;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.clinicops.billing.BillingProperties;
import org.clinicops.billing.sites.domain.BillingSite;
import org.clinicops.billing.sites.domain.FeeItem;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.sites.SiteUpdates;
import org.springframework.stereotype.Service;

/**
 * Keeps billing's view of the sites: a new site gets the default fee schedule in its currency; a
 * changed site keeps its schedule. Also the lookup other features use.
 */
@Service
public class BillingSites {

    private final SiteRepository sites;
    private final BillingProperties properties;
    private final Clock clock;

    BillingSites(SiteRepository sites, BillingProperties properties, Clock clock) {
        this.sites = sites;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Applies site-updated when it is the newest the site has seen ({@link SiteUpdates#isCurrent}):
     * a replay or a late, older event changes nothing.
     */
    public void handle(SiteUpdated event) {
        BillingSite site = sites.find(event.siteId()).orElse(null);
        if (site != null && !SiteUpdates.isCurrent(event, site.describedAsOf())) {
            return;
        }
        String currency = event.currency() == null || event.currency().isBlank()
                ? properties.defaultCurrency()
                : event.currency();
        if (site == null) {
            site = BillingSite.open(
                    event.siteId(), event.name(), event.timeZone(), currency, defaultSchedule(), clock.instant());
        }
        site.describe(event.name(), event.timeZone(), currency, event.active(), event.updatedAt(), clock.instant());
        sites.save(site);
    }

    /** Replaces a site's fee schedule. */
    public BillingSite replaceSchedule(String siteId, List<FeeItem> items) {
        BillingSite site = find(siteId).orElseThrow(() -> new NotFoundException("site", siteId));
        site.replaceSchedule(items, clock.instant());
        return sites.save(site);
    }

    public Optional<BillingSite> find(String siteId) {
        return sites.find(siteId);
    }

    public BillingSite get(String siteId) {
        return find(siteId).orElseThrow(() -> new NotFoundException("site", siteId));
    }

    public List<BillingSite> all() {
        return sites.all().stream()
                .sorted(Comparator.comparing(BillingSite::id))
                .toList();
    }

    /**
     * The site, or when site-updated has not arrived yet a stand-in with the default schedule, UTC
     * and the default currency, so a charge is never lost for want of a site.
     */
    public BillingSite siteOrDefault(String siteId) {
        return find(siteId)
                .orElseGet(() -> BillingSite.open(
                        siteId, siteId, "UTC", properties.defaultCurrency(), defaultSchedule(), clock.instant()));
    }

    /** The currency of a site, or the default currency when billing has not heard of the site yet. */
    public String currencyOf(String siteId) {
        return find(siteId).map(BillingSite::currency).orElse(properties.defaultCurrency());
    }

    private List<FeeItem> defaultSchedule() {
        return properties.defaultFeeSchedule().stream()
                .map(i -> new FeeItem(i.code(), i.description(), i.unitPrice(), null, null))
                .toList();
    }
}
