package org.clinicops.platform.ops;

import java.util.List;
import org.clinicops.platform.ClinicPlatformAutoConfiguration;
import org.clinicops.platform.inbox.InboxView;
import org.clinicops.platform.outbox.OutboxRelay;
import org.clinicops.platform.outbox.OutboxView;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ops views endpoint ({@link OpsViewsEndpoint}) with the views every service has (its event
 * inbox, its outbox) and those the service contributes as {@link OpsView} beans. Off unless {@value
 * #ENABLED}{@code =true}: the local stack and the benchmarks switch it on.
 */
@AutoConfiguration(after = ClinicPlatformAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBooleanProperty(OpsViewsAutoConfiguration.ENABLED)
public class OpsViewsAutoConfiguration {

    public static final String ENABLED = "clinic.ops.views.enabled";

    @Bean
    OpsViewsEndpoint opsViewsEndpoint(List<OpsView> views) {
        return new OpsViewsEndpoint(views);
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    InboxView inboxView(MongoTemplate mongo) {
        return new InboxView(mongo);
    }

    @Bean
    @ConditionalOnBean(OutboxRelay.class)
    OutboxView outboxView(OutboxRelay relay) {
        return new OutboxView(relay);
    }
}
