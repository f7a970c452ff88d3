package org.clinicops.monitoring.register.application;

import java.util.List;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The register's discrepancies, by id (derived from what each is about). */
public interface DiscrepancyRepository extends MongoRepository<Discrepancy, String> {

    List<Discrepancy> findBySiteIdAndStatusOrderByDetectedAtDesc(String siteId, Discrepancy.Status status);

    List<Discrepancy> findByStatus(Discrepancy.Status status);
}
