package org.clinicops.billing.sites.adapter.mongo;

import java.util.List;
import java.util.Optional;
import org.clinicops.billing.sites.application.SiteRepository;
import org.clinicops.billing.sites.domain.BillingSite;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Sites in {@code sites}, one document per site with its fee schedule. */
@Component
class MongoSites implements SiteRepository {

    static final String COLLECTION = "sites";

    private final MongoTemplate mongo;

    MongoSites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<BillingSite> find(String siteId) {
        return Optional.ofNullable(mongo.findById(siteId, BillingSite.class, COLLECTION));
    }

    @Override
    public BillingSite save(BillingSite site) {
        return mongo.save(site, COLLECTION);
    }

    @Override
    public List<BillingSite> all() {
        return mongo.findAll(BillingSite.class, COLLECTION);
    }
}
