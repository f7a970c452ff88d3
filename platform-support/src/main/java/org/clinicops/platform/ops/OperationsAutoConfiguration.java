package org.clinicops.platform.ops;

import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The operational conventions every service shares: the MongoDB driver's timeouts, and the probes
 * under their usual actuator paths on the public port.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(MongoClientSettingsBuilderCustomizer.class)
@EnableConfigurationProperties(MongoTimeouts.class)
public class OperationsAutoConfiguration {

    /**
     * Applied before Boot's own customizer, which then applies the connection string: options given
     * there override these.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer clinicMongoTimeouts(MongoTimeouts timeouts) {
        return new OrderedCustomizer(timeouts);
    }

    /** Before security and the audit, which let the probes through unaudited. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<ProbeAliases> probeAliases() {
        FilterRegistrationBean<ProbeAliases> registration = new FilterRegistrationBean<>(new ProbeAliases());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/actuator/health/liveness", "/actuator/health/readiness");
        return registration;
    }

    private record OrderedCustomizer(MongoTimeouts timeouts) implements MongoClientSettingsBuilderCustomizer, Ordered {
        @Override
        public void customize(MongoClientSettings.Builder settings) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                            timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(socket -> socket.connectTimeout(
                                    timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(timeouts.socketTimeout().toMillis(), TimeUnit.MILLISECONDS));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
