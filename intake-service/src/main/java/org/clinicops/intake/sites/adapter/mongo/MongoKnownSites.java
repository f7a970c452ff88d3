package org.clinicops.intake.sites.adapter.mongo;

import java.util.Optional;
import org.clinicops.intake.sites.application.KnownSites;
import org.clinicops.intake.sites.domain.KnownSite;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The known sites in the {@code sites} collection, one document per site. */
@Component
class MongoKnownSites implements KnownSites {

    private final MongoTemplate mongo;

    MongoKnownSites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<KnownSite> find(String siteId) {
        return Optional.ofNullable(mongo.findById(siteId, KnownSiteDocument.class))
                .map(KnownSiteDocument::toSite);
    }

    @Override
    public void save(KnownSite site) {
        mongo.save(KnownSiteDocument.of(site));
    }
}
