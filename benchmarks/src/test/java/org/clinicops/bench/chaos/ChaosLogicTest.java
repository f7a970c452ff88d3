package org.clinicops.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosLogicTest {

    private static final Instant T = Instant.parse("2026-12-01T14:00:00Z");

    private static Intervals.Hold hold(String resource, String id, int fromMinute, int toMinute) {
        return new Intervals.Hold(resource, id, T.plusSeconds(60L * fromMinute), T.plusSeconds(60L * toMinute));
    }

    @Test
    void backToBackHoldsDoNotClashButOverlappingOnesDo() {
        assertThat(Intervals.clashes(List.of(hold("chair-1", "a", 0, 60), hold("chair-1", "b", 60, 120))))
                .isEmpty();
        assertThat(Intervals.clashes(List.of(hold("chair-1", "a", 0, 60), hold("chair-2", "b", 30, 90))))
                .isEmpty();
        assertThat(Intervals.clashes(List.of(hold("chair-1", "b", 45, 90), hold("chair-1", "a", 0, 60))))
                .containsExactly(new Intervals.Clash("chair-1", "a", "b"));
    }

    @Test
    void aLongHoldClashesWithEveryLaterOneItCovers() {
        assertThat(Intervals.clashes(
                        List.of(hold("c", "long", 0, 240), hold("c", "x", 30, 60), hold("c", "y", 90, 120))))
                .extracting(Intervals.Clash::second)
                .containsExactly("x", "y");
    }

    @Test
    void emptyHoldsNeverClash() {
        assertThat(Intervals.clashes(List.of(hold("c", "a", 0, 60), hold("c", "done", 30, 30))))
                .isEmpty();
    }

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

    @Test
    void theLedgerSkipsATornLastLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chaos/ledger.txt");
        try (Ledger ledger = new Ledger(file)) {
            ledger.request("req_1", "p_1", "chaos");
            ledger.payment("inv_1", "180.00");
        }
        Files.writeString(file, Files.readString(file) + "request req_2 p_", java.nio.file.StandardOpenOption.WRITE);
        Ledger.Entries entries = Ledger.read(file);
        assertThat(entries.requests()).containsExactly(new Ledger.Request("req_1", "p_1", "chaos"));
        assertThat(entries.payments()).containsExactly(new Ledger.Payment("inv_1", "180.00"));
    }

    @Test
    void readsAmountsStoredAsStringsOrDecimals() {
        assertThat(ChaosChecks.decimal("12.50")).isEqualByComparingTo("12.5");
        assertThat(ChaosChecks.decimal(new Decimal128(new BigDecimal("7.25")))).isEqualByComparingTo("7.25");
        assertThat(ChaosChecks.decimal(null)).isZero();
    }

    @Test
    void everyServiceConsumesWhatItsListenersDeclare() {
        assertThat(ChaosChecks.SUBSCRIPTIONS)
                .filteredOn(s -> s.service().equals("monitoring-service"))
                .hasSize(org.clinicops.events.EventType.values().length);
        assertThat(ChaosChecks.SUBSCRIPTIONS)
                .filteredOn(s -> s.type() == org.clinicops.events.EventType.CONSULTATION_REQUESTED)
                .extracting(ChaosChecks.Subscription::service)
                .containsExactlyInAnyOrder("scheduling-service", "billing-service", "monitoring-service");
        assertThat(ChaosChecks.SUBSCRIPTIONS)
                .filteredOn(s -> s.type() == org.clinicops.events.EventType.CONSULTATION_REQUEST_WITHDRAWN)
                .extracting(ChaosChecks.Subscription::service)
                .containsExactlyInAnyOrder("scheduling-service", "monitoring-service");
        assertThat(ChaosChecks.SUBSCRIPTIONS)
                .filteredOn(s -> s.type() == org.clinicops.events.EventType.INVOICE_VOIDED)
                .extracting(ChaosChecks.Subscription::service)
                .containsExactly("monitoring-service");
    }
}
