package org.clinicops.intake.requests.application;

import java.util.List;
import java.util.Optional;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;

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

    /**
     * The next requests the filter lets through in id order, after {@code afterId} (null: from the
     * first): a page of a walk through all of them that neither skips nor repeats one when others
     * change meanwhile, as an offset would.
     */
    List<ConsultationRequest> findAfter(RequestFilter filter, @Nullable String afterId, int limit);
}
