package org.clinicops.platform.kafka;

import org.clinicops.platform.ClinicPlatformProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The error handler Boot gives every listener container: outages wait, poison goes to the DLT. */
@Configuration(proxyBeanMethods = false)
public class ConsumerErrorHandlingConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ListenerPauses kafkaListenerPauses() {
        return new ListenerPauses();
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<String, byte[]> kafka, ClinicPlatformProperties properties, ListenerPauses pauses) {
        var settings = properties.kafka();
        return ConsumerErrorHandling.errorHandler(
                kafka,
                new ConsumerErrorHandling.Retries(
                        settings.retryInitialInterval(),
                        settings.retryMaxElapsed(),
                        settings.outageRetryInitialInterval(),
                        settings.outageRetryMaxInterval()),
                pauses.backOffHandler());
    }
}
