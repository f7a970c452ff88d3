package org.clinicops.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.clinicops.bench.cost.CommandCounts.Key;
import org.junit.jupiter.api.Test;

class CommandCountsTest {

    private static final String SCRAPE = """
            # HELP mongodb_driver_commands_seconds Timer of mongodb commands
            # TYPE mongodb_driver_commands_seconds summary
            mongodb_driver_commands_seconds_count{application="intake-service",cluster_id="6b15",collection="consultation_requests",command="insert",database="intake",server_address="localhost:27017",status="SUCCESS"} 120
            mongodb_driver_commands_seconds_sum{application="intake-service",cluster_id="6b15",collection="consultation_requests",command="insert",database="intake",server_address="localhost:27017",status="SUCCESS"} 0.84
            mongodb_driver_commands_seconds_count{application="intake-service",cluster_id="6b15",collection="consultation_requests",command="insert",database="intake",server_address="localhost:27017",status="FAILED"} 3
            mongodb_driver_commands_seconds_count{application="intake-service",cluster_id="6b15",collection="processed_events",command="update",database="intake",server_address="localhost:27017",status="SUCCESS"} 4.0E2
            mongodb_driver_commands_seconds_count{application="intake-service",cluster_id="6b15",command="ping",database="admin",server_address="localhost:27017",status="SUCCESS"} 7
            mongodb_driver_commands_seconds_max{application="intake-service",cluster_id="6b15",collection="processed_events",command="update",database="intake",server_address="localhost:27017",status="SUCCESS"} 0.01
            process_cpu_time_ns_total{application="intake-service"} 6.73E9
            """;

    @Test
    void sumsTheCountersOfEachCommandAndCollectionOverTheOtherLabels() {
        CommandCounts counts = CommandCounts.parse(SCRAPE);

        assertThat(counts.counts())
                .containsOnly(
                        Map.entry(new Key("insert", "consultation_requests"), 123.0),
                        Map.entry(new Key("update", "processed_events"), 400.0),
                        Map.entry(new Key("ping", "-"), 7.0));
        assertThat(counts.total()).isEqualTo(530.0);
    }

    @Test
    void aScrapeWithoutTheMetricCountsNothing() {
        assertThat(CommandCounts.parse("process_cpu_usage 0.1\n").counts()).isEmpty();
    }

    @Test
    void theDifferenceCountsNewPairsAndCountersThatRestarted() {
        CommandCounts before = new CommandCounts(Map.of(
                new Key("insert", "audit_log"), 100.0,
                new Key("find", "sites"), 50.0,
                new Key("update", "outbox"), 10.0));
        CommandCounts after = new CommandCounts(Map.of(
                new Key("insert", "audit_log"), 160.0,
                new Key("find", "sites"), 50.0,
                new Key("update", "outbox"), 4.0, // the service restarted: its counter began again
                new Key("delete", "holds"), 2.0));

        CommandCounts sent = after.minus(before);

        assertThat(sent.counts())
                .containsOnly(
                        Map.entry(new Key("insert", "audit_log"), 60.0),
                        Map.entry(new Key("update", "outbox"), 4.0),
                        Map.entry(new Key("delete", "holds"), 2.0));
    }

    @Test
    void listsTheLargestPairsFirst() {
        CommandCounts counts = new CommandCounts(Map.of(
                new Key("insert", "audit_log"), 60.0,
                new Key("find", "sites"), 60.0,
                new Key("update", "outbox"), 90.0));

        assertThat(counts.largest())
                .extracting(Map.Entry::getKey)
                .containsExactly(new Key("update", "outbox"), new Key("find", "sites"), new Key("insert", "audit_log"));
    }
}
