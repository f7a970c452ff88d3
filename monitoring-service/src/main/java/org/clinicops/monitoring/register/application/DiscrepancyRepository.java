package org.clinicops.monitoring.register.application;

import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.register.domain.Discrepancy;

/**
 * The register's discrepancies, by id (derived from what each is about); saving one stores its
 * outbox in the same document write.
 */
public interface DiscrepancyRepository {

    boolean existsById(String id);

    Optional<Discrepancy> findById(String id);

    /**
     * Stores a new discrepancy.
     *
     * @throws org.springframework.dao.DuplicateKeyException when one with its id is stored already
     */
    Discrepancy insert(Discrepancy discrepancy);

    Discrepancy save(Discrepancy discrepancy);

    /** A site's discrepancies in the status, the most recently detected first. */
    List<Discrepancy> ofSite(String siteId, Discrepancy.Status status);

    /** The discrepancies of every site in the status. */
    List<Discrepancy> withStatus(Discrepancy.Status status);
}
