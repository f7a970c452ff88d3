package org.clinicops.scheduling.sites.application;

import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Stores sites; saving one stores its outbox in the same document write. */
public interface SiteRepository extends MongoRepository<Site, String> {}
