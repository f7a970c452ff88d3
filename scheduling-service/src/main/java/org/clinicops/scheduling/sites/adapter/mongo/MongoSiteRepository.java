package org.clinicops.scheduling.sites.adapter.mongo;

import java.util.List;
import java.util.Optional;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SortOrder;
import org.clinicops.platform.paging.SpringDataPages;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.stereotype.Component;

/** Sites in {@code sites}, one versioned document per site with its outbox inside. */
@Component
class MongoSiteRepository implements SiteRepository {

    private static final List<SortOrder> BY_ID = List.of(SortOrder.asc("id"));

    private final SpringDataSites repository;

    MongoSiteRepository(SpringDataSites repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Site> findById(String id) {
        return repository.findById(id);
    }

    @Override
    public List<Site> findAll() {
        return repository.findAll();
    }

    @Override
    public List<Site> findPageById(PageRequest page) {
        return repository
                .findAll(SpringDataPages.toPageable(new PageRequest(page.number(), page.size(), BY_ID)))
                .getContent();
    }

    @Override
    public Site insert(Site site) {
        return repository.insert(site);
    }

    @Override
    public Site save(Site site) {
        return repository.save(site);
    }
}
