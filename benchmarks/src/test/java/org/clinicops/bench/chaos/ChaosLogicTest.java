package org.clinicops.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
        assertThat(ChaosChecks.SUBSCRIPTIONS)
                .as("a consumer without inbox entries is still a consumer")
                .containsAll(ChaosChecks.KEEP_NO_RECORD);
    }
}
