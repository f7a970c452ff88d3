package org.clinicops.intake.patients.adapter.mongo;

import java.math.BigDecimal;
import java.time.Instant;
import org.clinicops.events.PayerType;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A patient as stored: names, date of birth, e-mail and phone are Tink AEAD ciphertexts (Base64)
 * bound to {@code patients/<id>/<field>}; the match key is a keyed digest (PRF) of the canonical
 * identity. Household size and income, home site and payer type stay readable: billing's sliding
 * scale and the site checks need them, and they identify nobody on their own.
 */
@Document("patients")
class PatientDocument {

    @Id
    String id = "";

    @Version
    @Nullable
    Long version;

    @Indexed(unique = true)
    String matchKey = "";

    String firstName = "";
    String lastName = "";
    String dateOfBirth = "";
    String email = "";
    String phone = "";
    String homeSiteId = "";
    PayerType payerType = PayerType.SELF_PAY;

    @Nullable
    Integer householdSize;

    @Nullable
    BigDecimal householdIncome;

    Instant registeredAt = Instant.EPOCH;
}
