package org.clinicops.scheduling.sites.adapter.mongo;

import org.clinicops.scheduling.sites.application.SiteRepository;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/** The sites' MongoDB adapter over a template, for tests that run the use cases without Spring. */
public final class MongoSiteStores {

    private MongoSiteStores() {}

    public static SiteRepository sites(MongoTemplate mongo) {
        return new MongoSiteRepository(new MongoRepositoryFactory(mongo).getRepository(SpringDataSites.class));
    }
}
