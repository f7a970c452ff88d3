package org.clinicops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void parsesSeriesWithLabelsSpacesAndTimestamps() {
        String scrape = """
                # HELP clinic_consultation_requests_total Consultation requests
                # TYPE clinic_consultation_requests_total counter
                clinic_consultation_requests_total{application="monitoring-service",site="bos"} 12.0
                clinic_consultation_requests_total{application="monitoring-service",site="den"} 3.0 1700000000000
                clinic_label_with_space{name="a b"} 1.5
                clinic_events_consumed_total{outcome="applied"} 99.0
                jvm_threads_live_threads 31.0
                """;
        Map<String, Double> series =
                Series.parse(scrape, name -> name.startsWith("clinic_") && !name.contains("events"));
        assertThat(series)
                .containsEntry(
                        "clinic_consultation_requests_total{application=\"monitoring-service\",site=\"bos\"}", 12.0)
                .containsEntry(
                        "clinic_consultation_requests_total{application=\"monitoring-service\",site=\"den\"}", 3.0)
                .containsEntry("clinic_label_with_space{name=\"a b\"}", 1.5)
                .hasSize(3);
        assertThat(Series.label("x{application=\"m\",site=\"den\"}", "site")).isEqualTo("den");
        assertThat(Series.label("x{application=\"m\"}", "site")).isEmpty();
    }

    @Test
    void differencesNameChangedAndMissingSeries() {
        assertThat(Series.differences(Map.of("a", 1.0, "b", 2.0), Map.of("a", 1.0, "b", 2.0)))
                .isEmpty();
        assertThat(Series.differences(Map.of("a", 1.0, "b", 2.0), Map.of("a", 1.5, "c", 0.0)))
                .containsExactly("a: 1.0 -> 1.5", "b: 2.0 -> null", "c: null -> 0.0");
    }
}
