package org.clinicops.billing.accounts.application;

import java.util.Optional;
import org.clinicops.events.Condition;

/** The condition kept per service key ({@code request:<id>}, {@code plan:<id>}); a replay changes nothing. */
public interface DiagnosisRepository {

    void record(String key, Condition condition);

    Optional<Condition> find(String key);
}
