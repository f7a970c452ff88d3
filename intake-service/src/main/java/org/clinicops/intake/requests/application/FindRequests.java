package org.clinicops.intake.requests.application;

import java.util.List;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SortOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads requests: one by id, or a page of those at some sites by status and urgency, oldest first
 * unless sorted otherwise. The caller decides which sites the reader may see.
 */
@Service
public class FindRequests {

    /** The order of a list that names none: oldest request first. */
    static final List<SortOrder> OLDEST_FIRST = List.of(SortOrder.asc("requestedAt"));

    private final ConsultationRequests requests;

    FindRequests(ConsultationRequests requests) {
        this.requests = requests;
    }

    /** The request; a 404 when there is none. */
    public ConsultationRequest get(String id) {
        return requests.get(id);
    }

    public Page<ConsultationRequest> find(RequestFilter filter, PageRequest page) {
        return requests.findPage(filter, page.sortedOr(OLDEST_FIRST));
    }

    /** The next {@code limit} requests after {@code afterId} in id order (a walk through all of them, page by page). */
    public List<ConsultationRequest> findAfter(RequestFilter filter, @Nullable String afterId, int limit) {
        return requests.findAfter(filter, afterId, limit);
    }
}
