package org.clinicops.billing.accounts.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Opens and updates patient accounts from intake's events, one account per (patient, site), with
 * upserts keyed by {@link PatientAccount#idOf}, so a replay changes nothing and an event of one site
 * never touches the account at another. Opening an account charges nothing: the consultation is free.
 */
@Service
public class PatientAccounts {

    private final AccountRepository accounts;
    private final ServiceDiagnoses diagnoses;

    PatientAccounts(AccountRepository accounts, ServiceDiagnoses diagnoses) {
        this.accounts = accounts;
        this.diagnoses = diagnoses;
    }

    /**
     * Opens the account at the request's site on the first request there; a later one there updates
     * it. Idempotent by the event's own keys (see {@link AccountRepository#openOrUpdate}); answers
     * whether the account changed.
     */
    public boolean handle(ConsultationRequested event) {
        diagnoses.recordRequest(event.requestId(), event.condition());
        return accounts.openOrUpdate(
                event.patientId(), event.siteId(), event.payerType(), event.condition(), event.requestedAt());
    }

    /** The approved plan names the condition treated at its site; its sessions are billed with it. */
    public boolean handle(TreatmentPlanApproved event) {
        diagnoses.recordPlan(event.planId(), event.condition());
        return accounts.openOrUpdate(
                event.patientId(), event.siteId(), event.payerType(), event.condition(), event.approvedAt());
    }

    /** The patient's account at the site. */
    public Optional<PatientAccount> find(String patientId, String siteId) {
        return accounts.find(patientId, siteId);
    }

    /** Every account of the patient, oldest first (a patient has one per site at most). */
    public List<PatientAccount> of(String patientId) {
        return accounts.of(patientId);
    }

    public long count() {
        return accounts.count();
    }

    public List<PatientAccount> all() {
        return accounts.all();
    }

    /** A page of the accounts of some sites (null: every site), of one patient (null: any), oldest first. */
    public Page<PatientAccount> page(
            @Nullable Collection<String> siteIds, @Nullable String patientId, PageRequest page) {
        return accounts.page(siteIds, patientId, page);
    }

    /** The accounts of the sites opened in {@code [since, before)}, oldest first (a bulk export's pages). */
    public List<PatientAccount> opened(
            @Nullable Collection<String> siteIds, @Nullable Instant since, Instant before, long offset, int limit) {
        return accounts.opened(siteIds, since, before, offset, limit);
    }
}
