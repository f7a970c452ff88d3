package org.clinicops.billing.accounts.application;

import java.util.List;
import java.util.Optional;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A patient's financial records at a site belong to that site's account: only staff of the site read
 * or change them. A patient with accounts at two sites is seen by the staff of each, each in their own
 * account. The patient goes to the audit trail, refused attempts included.
 */
@Component
public class AccountAccess {

    private final PatientAccounts accounts;

    AccountAccess(PatientAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The patient's accounts the signed-in user may see, oldest first: the one at {@code siteId} when
     * given (403 when the site is not theirs, 404 when the patient has no account there), else those at
     * the user's sites (404 when the patient has no account at all, 403 when only at other sites).
     */
    public List<PatientAccount> visible(String patientId, @Nullable String siteId) {
        Audit.patient(patientId);
        if (siteId != null && !siteId.isBlank()) {
            SiteAccess.require(siteId);
            return List.of(accounts.find(patientId, siteId)
                    .orElseThrow(() -> new NotFoundException("account", PatientAccount.idOf(patientId, siteId))));
        }
        List<PatientAccount> all = accounts.of(patientId);
        if (all.isEmpty()) {
            throw new NotFoundException("account", patientId);
        }
        List<PatientAccount> visible =
                all.stream().filter(a -> SiteAccess.canAccess(a.siteId())).toList();
        if (visible.isEmpty()) {
            SiteAccess.require(all.get(0).siteId()); // 403, with the site in the audit trail
        }
        return visible;
    }

    /** The first (oldest) of {@link #visible}: the account at {@code siteId}, or the user's oldest one. */
    public PatientAccount require(String patientId, @Nullable String siteId) {
        return visible(patientId, siteId).get(0);
    }

    /**
     * Before writing something of the patient at a site (an invoice): the site must be the user's
     * (403) and the patient must have an account there (404), whatever the patient has elsewhere.
     */
    public PatientAccount requireForWrite(String patientId, String siteId) {
        Audit.patient(patientId);
        SiteAccess.require(siteId);
        return accounts.find(patientId, siteId)
                .orElseThrow(() -> new NotFoundException("account", PatientAccount.idOf(patientId, siteId)));
    }

    /**
     * For records that may exist before any account does (an assistance decision, a package), written
     * at {@code siteId}: the site must be the user's (403). A patient known only at sites that are not
     * the user's is refused (403); one known at a site of the user's but not at this one is 404.
     */
    public Optional<PatientAccount> requireIfKnown(String patientId, String siteId) {
        Audit.patient(patientId);
        SiteAccess.require(siteId);
        List<PatientAccount> all = accounts.of(patientId);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Optional<PatientAccount> here =
                all.stream().filter(a -> a.siteId().equals(siteId)).findFirst();
        if (here.isPresent()) {
            return here;
        }
        if (all.stream().noneMatch(a -> SiteAccess.canAccess(a.siteId()))) {
            SiteAccess.require(all.get(0).siteId());
        }
        throw new NotFoundException("account", PatientAccount.idOf(patientId, siteId));
    }

    /**
     * For reading records kept per site (decisions, packages): refused (403) when the patient has
     * accounts and none of them is at the user's sites.
     */
    public void requireReadable(String patientId) {
        Audit.patient(patientId);
        List<PatientAccount> all = accounts.of(patientId);
        if (!all.isEmpty() && all.stream().noneMatch(a -> SiteAccess.canAccess(a.siteId()))) {
            SiteAccess.require(all.get(0).siteId());
        }
    }
}
