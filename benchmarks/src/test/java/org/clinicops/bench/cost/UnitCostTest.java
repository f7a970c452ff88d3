package org.clinicops.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.clinicops.bench.Report;
import org.clinicops.bench.cost.CommandCounts.Key;
import org.junit.jupiter.api.Test;

class UnitCostTest {

    /** 1,000 requests in 60 s: each process's CPU seconds and each service's commands. */
    private static final Window WINDOW = new Window(
            60,
            Map.of(
                    "intake-service", 6.0,
                    "scheduling-service", 8.0,
                    "billing-service", 4.0,
                    "monitoring-service", 3.0,
                    "mongo", 9.0,
                    "kafka", 2.5,
                    "auth-server", 0.5),
            Map.of(
                    "intake-service",
                    new CommandCounts(Map.of(
                            new Key("insert", "consultation_requests"),
                            1_000.0,
                            new Key("insert", "audit_log"),
                            1_000.0)),
                    "scheduling-service",
                    new CommandCounts(Map.of(new Key("update", "processed_events"), 3_000.0)),
                    "billing-service",
                    new CommandCounts(Map.of(new Key("insert", "accounts"), 1_000.0)),
                    "monitoring-service",
                    new CommandCounts(Map.of())));

    /** 20 s without load: 0.2 s of intake's CPU (10 ms a second), 40 commands of scheduling. */
    private static final Window IDLE = new Window(
            20,
            Map.of("intake-service", 0.2, "scheduling-service", 0.0, "mongo", 0.4),
            Map.of("scheduling-service", new CommandCounts(Map.of(new Key("find", "waiting_list"), 40.0))));

    private final UnitCost requests = new UnitCost("consultation request", "request", 1_000, WINDOW, IDLE);

    @Test
    void dividesEachProcesssCpuByTheUnits() {
        assertThat(requests.cpuMs("intake-service")).isCloseTo(6.0, within(1e-9));
        assertThat(requests.cpuMs("mongo")).isCloseTo(9.0, within(1e-9));
        assertThat(requests.cpuMs(UnitCost.SERVICES)).isCloseTo(21.0, within(1e-9));
        assertThat(requests.cpuMs(UnitCost.ALL)).isCloseTo(33.0, within(1e-9));
    }

    @Test
    void subtractsWhatTheProcessSpendsIdleOverTheWindow() {
        // intake idles at 10 ms a second: 600 ms of the window's 6,000 ms are background
        assertThat(requests.idleCpuMsPerSecond("intake-service")).isCloseTo(10.0, within(1e-9));
        assertThat(requests.netCpuMs("intake-service")).isCloseTo(5.4, within(1e-9));
        assertThat(requests.netCpuMs(UnitCost.SERVICES)).isCloseTo(20.4, within(1e-9));
        assertThat(requests.idleCommandsPerSecond("scheduling-service")).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void dividesTheCommandsOfEachServiceAndOfAllByTheUnits() {
        assertThat(requests.commands("intake-service")).isEqualTo(2.0);
        assertThat(requests.commands("monitoring-service")).isZero();
        assertThat(requests.commands(UnitCost.SERVICES)).isEqualTo(6.0);
        assertThat(requests.largest(2))
                .extracting(UnitCost.Top::service, t -> t.key().collection())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("scheduling-service", "processed_events"),
                        org.assertj.core.groups.Tuple.tuple("billing-service", "accounts"));
    }

    @Test
    void withoutUnitsOrIdleWindowThereIsNoFigureRatherThanZero() {
        UnitCost none = new UnitCost("completed session", "session", 0, WINDOW, null);

        assertThat(none.cpuMs("intake-service")).isNaN();
        assertThat(none.commands(UnitCost.SERVICES)).isNaN();
        assertThat(none.netCpuMs("intake-service")).isNaN();
        assertThat(UnitCost.cell(Double.NaN, 2)).isEqualTo("-");
        assertThat(UnitCost.cell(5.4321, 2)).isEqualTo(new BigDecimal("5.43"));
    }

    @Test
    void reportsTablesFiguresAndTheTargetsOfTheIssue() {
        Report report = new Report("cost");
        requests.addTo(report, 3);
        Cost.requestTargets(report, requests, true);

        assertThat(report.figures())
                .containsEntry("request.cpuMs.services", new BigDecimal("21.000"))
                .containsEntry("request.cpuMs.all", new BigDecimal("33.000"))
                .containsEntry("request.netCpuMs.intake-service", new BigDecimal("5.400"))
                .containsEntry("request.mongoCommands.services", new BigDecimal("6.000"))
                .containsEntry("request.count", 1_000L);
        assertThat(report.targets()).extracting(Report.Target::met).containsExactly(false, false, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "CPU per consultation request by process",
                        "services' CPU per consultation request <= 5 ms in total",
                        "21.00 ms",
                        "MISSED",
                        "processed_events");
    }

    @Test
    void aProcessWithoutAFigureIsShownAsNotFound() {
        Window partial = new Window(10, Map.of("intake-service", 1.0), Map.of());
        Report report = new Report("cost");

        new UnitCost("consultation request", "request", 10, partial, null).addTo(report, 5);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("kafka", "not found");
        assertThat(report.figures()).doesNotContainKey("request.cpuMs.kafka");
    }

    @Test
    void theSessionTargetCountsCommandsPerCompletedSession() {
        Report report = new Report("cost");
        UnitCost sessions = new UnitCost("completed session", "session", 500, WINDOW, null);

        Cost.sessionTargets(report, sessions, true);
        Cost.sessionTargets(report, sessions, false);

        assertThat(report.targets()).extracting(Report.Target::met).containsExactly(true, false);
        assertThat(report.targets().get(1).achieved()).contains("not exported");
    }
}
