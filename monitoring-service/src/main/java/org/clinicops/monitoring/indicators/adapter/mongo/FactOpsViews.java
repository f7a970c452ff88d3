package org.clinicops.monitoring.indicators.adapter.mongo;

import java.util.Date;
import org.bson.Document;
import org.clinicops.platform.inbox.InboxView;
import org.clinicops.platform.ops.OpsView;
import org.clinicops.platform.ops.OpsViewsAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Monitoring's ops view {@code facts} (see {@link OpsView}): the fact log is the inbox of the
 * indicators' handler, one entry per event it recorded, shown as inbox entries of handler {@value
 * #HANDLER} (ids, types and times; never the payload).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(OpsViewsAutoConfiguration.ENABLED)
class FactOpsViews {

    /** The handler name the facts stand for. */
    static final String HANDLER = "indicators";

    @Bean
    OpsView factsView(MongoTemplate mongo) {
        return OpsView.ofCollection("facts", mongo, Document.class, MongoFactLog.COLLECTION, FactOpsViews::entry);
    }

    private static InboxView.Entry entry(Document fact) {
        String id = fact.getString("_id");
        Date time = fact.getDate("time");
        return new InboxView.Entry(
                id,
                HANDLER,
                id,
                fact.getString("type"),
                time == null ? null : time.toInstant(),
                MongoFactLog.COLLECTION);
    }
}
