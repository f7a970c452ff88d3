package org.clinicops.intake.patients.adapter.mongo;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The household a patient gave one site, keyed {@code <patientId>/<siteId>}. Readable like the
 * household figures have always been: billing's sliding scale needs them and they identify nobody.
 */
@Document("patient_households")
class HouseholdDocument {

    @Id
    String id = "";

    @Indexed
    String patientId = "";

    String siteId = "";
    int size;
    BigDecimal yearlyIncome = BigDecimal.ZERO;
    Instant recordedAt = Instant.EPOCH;

    static String key(String patientId, String siteId) {
        return patientId + "/" + siteId;
    }
}
