package org.clinicops.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinicops.bench.cost.CommandCounts.Key;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void theWindowHoldsWhatEachProcessAndServiceSpentBetweenTheSnapshots() {
        Window.Snapshot start = new Window.Snapshot(
                1_000_000_000L,
                Map.of("intake-service", 10.0, "mongo", 20.0, "kafka", 5.0),
                Map.of("intake-service", new CommandCounts(Map.of(new Key("insert", "audit_log"), 10.0))));
        Window.Snapshot end = new Window.Snapshot(
                61_500_000_000L,
                Map.of("intake-service", 16.5, "mongo", 29.0, "auth-server", 1.0),
                Map.of(
                        "intake-service",
                        new CommandCounts(Map.of(new Key("insert", "audit_log"), 70.0)),
                        "billing-service",
                        new CommandCounts(Map.of(new Key("insert", "accounts"), 5.0))));

        Window window = end.since(start);

        assertThat(window.seconds()).isCloseTo(60.5, within(1e-9));
        // kafka gone and the auth server seen only at the end: no figure rather than a wrong one
        assertThat(window.cpuSeconds()).containsOnly(Map.entry("intake-service", 6.5), Map.entry("mongo", 9.0));
        assertThat(window.commands()).containsOnlyKeys("intake-service");
        assertThat(window.commands().get("intake-service").total()).isEqualTo(60.0);
    }

    @Test
    void aProcessThatRestartedInTheWindowHasNoFigure() {
        Window.Snapshot start = new Window.Snapshot(0, Map.of("billing-service", 30.0), Map.of());
        Window.Snapshot end = new Window.Snapshot(10_000_000_000L, Map.of("billing-service", 8.0), Map.of());

        assertThat(end.since(start).cpuSeconds()).isEmpty();
    }
}
