package org.clinicops.intake.requests.adapter.mongo;

import java.util.List;
import java.util.Optional;
import org.clinicops.intake.requests.application.ConsultationRequests;
import org.clinicops.intake.requests.application.RequestFilter;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SpringDataPages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * Consultation requests in {@code consultation_requests} (one document per request, its outbox
 * inside). A list filters on {@code siteId}, {@code status} and {@code urgent} (the {@code
 * site_status} index) and counts only when the page does not tell the total.
 */
@Component
class MongoConsultationRequests implements ConsultationRequests {

    private final SpringDataConsultationRequests repository;
    private final MongoTemplate mongo;

    MongoConsultationRequests(SpringDataConsultationRequests repository, MongoTemplate mongo) {
        this.repository = repository;
        this.mongo = mongo;
    }

    @Override
    public Optional<ConsultationRequest> findById(String id) {
        return repository.findById(id);
    }

    @Override
    public ConsultationRequest insert(ConsultationRequest request) {
        return repository.insert(request);
    }

    @Override
    public ConsultationRequest save(ConsultationRequest request) {
        return repository.save(request);
    }

    @Override
    public Page<ConsultationRequest> findPage(RequestFilter filter, PageRequest page) {
        Criteria criteria = criteria(filter);
        Pageable pageable = SpringDataPages.toPageable(page);
        Criteria matching = criteria;
        List<ConsultationRequest> content = mongo.find(Query.query(matching).with(pageable), ConsultationRequest.class);
        return SpringDataPages.fromPage(
                PageableExecutionUtils.getPage(
                        content, pageable, () -> mongo.count(Query.query(matching), ConsultationRequest.class)),
                page);
    }

    @Override
    public List<ConsultationRequest> findAfter(RequestFilter filter, @Nullable String afterId, int limit) {
        Criteria criteria = criteria(filter);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        return mongo.find(
                Query.query(criteria).with(Sort.by(Sort.Direction.ASC, "_id")).limit(limit), ConsultationRequest.class);
    }

    private static Criteria criteria(RequestFilter filter) {
        Criteria criteria = new Criteria();
        if (filter.sites() != null) {
            criteria = criteria.and("siteId").in(filter.sites());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.urgent() != null) {
            criteria = criteria.and("urgent").is(filter.urgent());
        }
        if (filter.patientId() != null) {
            criteria = criteria.and("patientId").is(filter.patientId());
        }
        if (filter.screened() != null) {
            criteria = filter.screened()
                    ? criteria.and("screening").ne(null)
                    : criteria.and("screening").is(null);
        }
        RequestFilter.Period period = filter.period();
        if (period != null && (period.from() != null || period.to() != null)) {
            Criteria within = criteria.and(field(period.moment()));
            if (period.from() != null) {
                within = within.gte(period.from());
            }
            if (period.to() != null) {
                within = within.lt(period.to());
            }
        }
        return criteria;
    }

    private static String field(RequestFilter.Moment moment) {
        return switch (moment) {
            case REQUESTED -> "requestedAt";
            case SCREENED -> "screenedAt";
            case DECIDED -> "decision.decidedAt";
            case UPDATED -> "updatedAt";
        };
    }
}
