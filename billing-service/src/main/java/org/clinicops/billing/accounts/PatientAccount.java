package org.clinicops.billing.accounts;

import java.time.Instant;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A patient's account, keyed by the pseudonymous patient id. */
@Document("accounts")
public record PatientAccount(
        @Id String patientId,
        String siteId,
        PayerType payerType,
        @Nullable Condition condition,
        Instant openedAt) {}
