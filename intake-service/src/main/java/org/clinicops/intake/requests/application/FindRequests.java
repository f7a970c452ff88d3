package org.clinicops.intake.requests.application;

import java.util.List;
import java.util.Set;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.requests.domain.RequestStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/**
 * Lists requests at some sites by status and urgency, oldest first unless sorted otherwise. The
 * caller decides which sites the reader may see.
 */
@Service
public class FindRequests {

    private final MongoTemplate mongo;

    FindRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param sites the sites to show; null for every site
     */
    public Page<ConsultationRequest> find(
            @Nullable Set<String> sites, @Nullable RequestStatus status, @Nullable Boolean urgent, Pageable pageable) {
        Criteria criteria = new Criteria();
        if (sites != null) {
            criteria = criteria.and("siteId").in(sites);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (urgent != null) {
            criteria = criteria.and("urgent").is(urgent);
        }
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : org.springframework.data.domain.PageRequest.of(
                        pageable.getPageNumber(), pageable.getPageSize(), Sort.by("requestedAt"));
        Criteria filter = criteria;
        List<ConsultationRequest> content = mongo.find(Query.query(filter).with(sorted), ConsultationRequest.class);
        return PageableExecutionUtils.getPage(
                content, sorted, () -> mongo.count(Query.query(filter), ConsultationRequest.class));
    }
}
