package org.clinicops.billing.accounts;

import java.util.Optional;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.stereotype.Component;

/**
 * A patient's financial records belong to the site of the patient's account: only staff of that
 * site read or change them. The patient goes to the audit trail, refused attempts included.
 */
@Component
public class AccountAccess {

    private final PatientAccounts accounts;

    AccountAccess(PatientAccounts accounts) {
        this.accounts = accounts;
    }

    /** The patient's account: 404 when there is none, 403 when it is of another site. */
    public PatientAccount require(String patientId) {
        Audit.patient(patientId);
        PatientAccount account =
                accounts.find(patientId).orElseThrow(() -> new NotFoundException("account", patientId));
        SiteAccess.require(account.siteId());
        return account;
    }

    /**
     * For records that may exist before the account does (a decision, a package): the account's
     * site is checked when there is an account.
     */
    public Optional<PatientAccount> requireIfKnown(String patientId) {
        Audit.patient(patientId);
        Optional<PatientAccount> account = accounts.find(patientId);
        account.ifPresent(a -> SiteAccess.require(a.siteId()));
        return account;
    }
}
