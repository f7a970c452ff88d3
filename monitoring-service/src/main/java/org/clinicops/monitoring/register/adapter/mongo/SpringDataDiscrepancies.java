package org.clinicops.monitoring.register.adapter.mongo;

import java.util.List;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code register_discrepancies}, used only by {@link MongoDiscrepancyRepository}. */
interface SpringDataDiscrepancies extends MongoRepository<Discrepancy, String> {

    List<Discrepancy> findBySiteIdAndStatusOrderByDetectedAtDesc(String siteId, Discrepancy.Status status);

    List<Discrepancy> findByStatus(Discrepancy.Status status);
}
