package org.clinicops.monitoring.register.application;

import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.register.domain.WitnessRequest;

/** Wastes waiting for their witness. */
public interface WitnessRequestRepository {

    Optional<WitnessRequest> findById(String requestId);

    WitnessRequest save(WitnessRequest request);

    /** A site's requests in the status, the most recently asked first. */
    List<WitnessRequest> ofSite(String siteId, WitnessRequest.Status status);

    /** A session's requests, the most recently asked first. */
    List<WitnessRequest> ofSession(String sessionId);
}
