package org.clinicops.monitoring.vitals.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.clinicops.monitoring.vitals.domain.Thresholds;
import org.junit.jupiter.api.Test;

class ThresholdPropertiesTest {

    final ThresholdProperties properties = new ThresholdProperties(
            180,
            110,
            200,
            120,
            120,
            92,
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Map.of(
                    "site_high_altitude",
                    new ThresholdProperties.Override(null, null, null, null, null, 88, null, null)));

    @Test
    void aSiteOverridesOnlyTheValuesItSets() {
        Thresholds altitude = properties.forSite("site_high_altitude");

        assertThat(altitude.spo2Low()).isEqualTo(88);
        assertThat(altitude.systolicSevere()).isEqualTo(200);
    }

    @Test
    void otherSitesKeepTheDefaults() {
        assertThat(properties.forSite("site_other")).isEqualTo(Thresholds.defaults());
    }
}
