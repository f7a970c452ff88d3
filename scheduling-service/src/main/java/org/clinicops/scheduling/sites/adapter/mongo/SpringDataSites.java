package org.clinicops.scheduling.sites.adapter.mongo;

import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code sites}, used only by {@link MongoSiteRepository}. */
interface SpringDataSites extends MongoRepository<Site, String> {}
