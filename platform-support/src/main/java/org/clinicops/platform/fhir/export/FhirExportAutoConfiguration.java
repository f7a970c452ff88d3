package org.clinicops.platform.fhir.export;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clinicops.platform.fhir.FhirAutoConfiguration;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The bulk export, in a service that declares at least one {@link FhirExportSource}: its endpoints
 * ({@link FhirExportController}), their access rules put ahead of the service's own policy (OPERATOR
 * and ADMIN, whatever the service admits to {@code /fhir/r4/Patient/**}), the jobs' executor, and a
 * scheduler of its own that beats for the jobs this instance holds, fails jobs whose instance stopped
 * (first at start-up) and sweeps expired jobs and files.
 */
@AutoConfiguration(after = FhirAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(FhirExportSource.class)
@EnableConfigurationProperties(FhirExportProperties.class)
@Import(FhirExportController.class)
public class FhirExportAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FhirExportAutoConfiguration.class);

    /** The export's endpoints: OPERATOR (and ADMIN, who passes every rule). */
    static final List<ApiAccessPolicy.Rule> RULES = List.of(
            rule(HttpMethod.GET, FhirExportController.SYSTEM),
            rule(HttpMethod.GET, FhirExportController.PATIENT),
            rule(HttpMethod.GET, FhirExportController.STATUS),
            rule(HttpMethod.DELETE, FhirExportController.STATUS),
            rule(HttpMethod.GET, FhirExportController.FILE));

    private static ApiAccessPolicy.Rule rule(HttpMethod method, String pattern) {
        return new ApiAccessPolicy.Rule(method, pattern, Set.of(Role.OPERATOR), false);
    }

    /** Puts the export's rules first in the service's policy (the security chain and its tests read the same bean). */
    @Bean
    static BeanPostProcessor fhirExportAccessRules() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ApiAccessPolicy policy ? policy.withRulesFirst(RULES) : bean;
            }
        };
    }

    @Bean(destroyMethod = "shutdown")
    FhirExports fhirExports(
            MongoTemplate mongo,
            MongoDatabaseFactory databases,
            FhirContext fhir,
            List<FhirExportSource> sources,
            Clock clock,
            IdGenerator ids,
            FhirExportProperties properties) {
        ExportJobs jobs = new ExportJobs(mongo);
        ExportFiles files = new ExportFiles(databases.getMongoDatabase());
        return new FhirExports(
                jobs,
                files,
                new ExportRunner(jobs, files, fhir, sources, clock, properties),
                sources,
                clock,
                ids,
                properties);
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler fhirExportUpkeep(
            FhirExports exports, MongoTemplate mongo, FhirExportProperties properties) {
        // a scheduler of its own, not exposed as a TaskScheduler to @Scheduled: see ListenerPauses
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setDaemon(true);
        scheduler.setThreadNamePrefix("fhir-export-upkeep-");
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(
                () -> quietly("heartbeat", exports::heartbeat), properties.heartbeatInterval());
        ExportJobs jobs = new ExportJobs(mongo);
        AtomicBoolean indexed = new AtomicBoolean();
        scheduler.scheduleWithFixedDelay(
                () -> quietly("sweep", () -> {
                    if (!indexed.get()) {
                        jobs.createIndexes();
                        indexed.set(true);
                    }
                    exports.sweep();
                }),
                properties.sweepInterval());
        return scheduler;
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.debug("FHIR export {} not done (MongoDB unavailable?)", what, e);
        }
    }
}
