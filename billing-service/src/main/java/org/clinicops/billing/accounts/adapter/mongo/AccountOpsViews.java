package org.clinicops.billing.accounts.adapter.mongo;

import java.time.Instant;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.events.PayerType;
import org.clinicops.platform.ops.OpsView;
import org.clinicops.platform.ops.OpsViewsAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Billing's ops view {@code accounts} (see {@link OpsView}): every patient account, by patient and
 * site, for the crash test's check that each accepted request opened one. Ids, payer and time only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(OpsViewsAutoConfiguration.ENABLED)
class AccountOpsViews {

    /** A patient's account at a site. */
    record Account(String id, String patientId, String siteId, PayerType payerType, Instant openedAt)
            implements OpsView.Row {}

    @Bean
    OpsView accountsView(MongoTemplate mongo) {
        return OpsView.ofCollection(
                "accounts",
                mongo,
                PatientAccount.class,
                MongoAccounts.COLLECTION,
                a -> new Account(a.id(), a.patientId(), a.siteId(), a.payerType(), a.openedAt()));
    }
}
