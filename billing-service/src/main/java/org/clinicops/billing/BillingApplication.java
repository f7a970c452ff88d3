package org.clinicops.billing;

import java.time.Duration;
import org.clinicops.platform.metrics.ThrottledRefresh;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts the billing service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillingApplication.class, args);
    }

    /**
     * The figures of billing's gauges (outstanding balances, payer mix, share with assistance) are read
     * from the database, all together, at most every 15 seconds when one of them is scraped.
     */
    @Bean
    ThrottledRefresh gaugeRefresh() {
        return new ThrottledRefresh(Duration.ofSeconds(15));
    }
}
