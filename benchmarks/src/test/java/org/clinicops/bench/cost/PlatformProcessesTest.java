package org.clinicops.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformProcessesTest {

    /** A real line of /proc/<pid>/stat of a JVM: utime 2471, stime 389 (fields 14 and 15). */
    private static final String JAVA_STAT = "6749 (java) S 1 6748 6748 0 -1 1077936192 48251 0 21 0 2471 389 0 0 20 0"
            + " 48 0 3551210 3978330112 62711 18446744073709551615 1 1 0 0 0 0 0 4096 16800975 0 0 0 17 1 0 0 0 0 0";

    @Test
    void addsUserAndSystemTicks() {
        assertThat(PlatformProcesses.cpuTicks(JAVA_STAT)).isEqualTo(2471 + 389);
    }

    @Test
    void countsFieldsFromTheLastParenthesisOfTheCommandName() {
        String odd = JAVA_STAT.replace("(java)", "(my (odd) name)");

        assertThat(PlatformProcesses.cpuTicks(odd)).isEqualTo(2860);
    }

    @Test
    void refusesWhatIsNotAStatLine() {
        assertThatThrownBy(() -> PlatformProcesses.cpuTicks("no parenthesis here"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformProcesses.cpuTicks("1 (java) S 1 2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recognisesEachProcessByTheMarkerClinicChecks() {
        String kafka =
                "java\0-Xmx512m\0-cp\0local-stack/target/local-stack.jar\0org.clinicops.localstack.LocalStack\0kafka\0";
        String service = "java\0-XX:SharedArchiveFile=var/app/billing-service/app.jsa\0-jar\0"
                + "var/app/billing-service/billing-service-exec.jar\0";

        assertThat(PlatformProcesses.isNamed(kafka, "kafka")).isTrue();
        assertThat(PlatformProcesses.isNamed(kafka, "mongo")).isFalse();
        assertThat(PlatformProcesses.isNamed(service, "billing-service")).isTrue();
        assertThat(PlatformProcesses.isNamed(service, "intake-service")).isFalse();
    }

    @Test
    void leavesOutProcessesWithoutAPidFileOrWithAStalePid(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("var/run"));
        // a pid that is this test's own JVM: alive, but not the named process
        Files.writeString(
                root.resolve("var/run/mongo.pid"),
                String.valueOf(ProcessHandle.current().pid()));
        Files.writeString(root.resolve("var/run/kafka.pid"), "not a pid");

        assertThat(PlatformProcesses.find(root).pids()).isEmpty();
    }

    @Test
    void readsCpuSecondsOfALiveProcess() {
        long self = ProcessHandle.current().pid();
        PlatformProcesses processes = new PlatformProcesses(Map.of("self", self, "gone", Long.MAX_VALUE), 100);

        Map<String, Double> cpu = processes.cpuSeconds();

        assertThat(cpu).containsOnlyKeys("self");
        assertThat(cpu.get("self")).isPositive();
    }
}
