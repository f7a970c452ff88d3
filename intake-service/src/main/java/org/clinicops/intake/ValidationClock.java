package org.clinicops.intake;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation reads "now" from the service's clock. Left alone, Hibernate Validator judges
 * {@code @Past} and {@code @Future} against the JVM's wall clock in its default time zone, so whether
 * a date of birth was "in the past" would depend on the machine's zone and would ignore {@code
 * -Dclinic.clock.start} and the test clock. With this, a date of birth must be before the service
 * clock's date (UTC).
 */
@Configuration(proxyBeanMethods = false)
class ValidationClock {

    /** Static, and the clock looked up when a constraint asks, so the validator is built early. */
    @Bean
    static ValidationConfigurationCustomizer validationReadsTheServiceClock(ObjectProvider<Clock> clock) {
        return configuration -> configuration.clockProvider(clock::getObject);
    }
}
