package org.clinicops.billing.sites.application;

import java.util.List;
import java.util.Optional;
import org.clinicops.billing.sites.domain.BillingSite;

/** Billing's sites, by id. */
public interface SiteRepository {

    Optional<BillingSite> find(String siteId);

    BillingSite save(BillingSite site);

    List<BillingSite> all();
}
