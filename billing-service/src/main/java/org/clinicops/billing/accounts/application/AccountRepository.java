package org.clinicops.billing.accounts.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.jspecify.annotations.Nullable;

/** Patient accounts, one per (patient, site), keyed by {@link PatientAccount#idOf}. */
public interface AccountRepository {

    /**
     * Opens the patient's account at the site, first seen {@code at}, or updates its payer type and
     * condition when {@code at} is not older than the event that last set them: a replay, or an
     * older event delivered late, changes nothing, and the account at another site is never touched.
     * Answers whether the account was opened or set.
     */
    boolean openOrUpdate(String patientId, String siteId, PayerType payerType, Condition condition, Instant at);

    Optional<PatientAccount> find(String patientId, String siteId);

    /** Every account of the patient, oldest first. */
    List<PatientAccount> of(String patientId);

    long count();

    List<PatientAccount> all();

    /**
     * A page of the accounts of some sites (null: every site), of one patient (null: any), oldest
     * first.
     */
    Page<PatientAccount> page(@Nullable Collection<String> siteIds, @Nullable String patientId, PageRequest page);

    /** The accounts of the sites (every site when null) opened in {@code [since, before)}, oldest first, from offset, at most limit. */
    List<PatientAccount> opened(
            @Nullable Collection<String> siteIds, @Nullable Instant since, Instant before, long offset, int limit);
}
