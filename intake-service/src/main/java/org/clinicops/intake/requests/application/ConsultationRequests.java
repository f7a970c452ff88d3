package org.clinicops.intake.requests.application;

import java.util.Optional;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.problem.NotFoundException;

/**
 * Stored consultation requests; saving one stores its outbox in the same document write, and a
 * request changed since it was read is refused ({@code OptimisticLockingFailureException}).
 */
public interface ConsultationRequests {

    Optional<ConsultationRequest> findById(String id);

    /** The request; a 404 when there is none. */
    default ConsultationRequest get(String id) {
        return findById(id).orElseThrow(() -> new NotFoundException("consultation request", id));
    }

    /** Stores a new request ({@code DuplicateKeyException} when its id is taken). */
    ConsultationRequest insert(ConsultationRequest request);

    /** Stores a changed request. */
    ConsultationRequest save(ConsultationRequest request);

    /** One page of the requests the filter lets through, in the page's order. */
    Page<ConsultationRequest> findPage(RequestFilter filter, PageRequest page);
}
