package org.clinicops.bench.cost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The processes {@code ./clinic up} started ({@code var/run/<name>.pid}) and the CPU time each has
 * used, read from {@code /proc/<pid>/stat} (user + system time of all its threads).
 */
public final class PlatformProcesses {

    /** The services, then the store, the broker and the auth server. */
    static final List<String> NAMES = List.of(
            "intake-service",
            "scheduling-service",
            "billing-service",
            "monitoring-service",
            "mongo",
            "kafka",
            "auth-server");

    /** The common clock tick of Linux ({@code getconf CLK_TCK}), when it cannot be asked. */
    static final long DEFAULT_TICKS_PER_SECOND = 100;

    private final Map<String, Long> pids;
    private final long ticksPerSecond;

    PlatformProcesses(Map<String, Long> pids, long ticksPerSecond) {
        this.pids = Collections.unmodifiableMap(new LinkedHashMap<>(pids));
        this.ticksPerSecond = ticksPerSecond;
    }

    /**
     * The platform's processes whose pid file names a live process of that name (its command line
     * holds the marker {@code ./clinic} checks); processes not found are left out.
     */
    public static PlatformProcesses find(Path root) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : NAMES) {
            pid(root, name).ifPresent(pid -> pids.put(name, pid));
        }
        return new PlatformProcesses(pids, ticksPerSecond());
    }

    /**
     * As {@link #find}, refusing to go on unless each of {@code names} runs: a scenario that reads or
     * signals those processes says {@code why} it needs the ones {@code ./clinic up -d} started from
     * this directory.
     */
    public static PlatformProcesses requireRunning(Path root, Collection<String> names, String why) {
        PlatformProcesses processes = find(root);
        for (String name : names) {
            if (!processes.pids().containsKey(name)) {
                throw new IllegalStateException("no running " + name + " under "
                        + root.resolve("var/run").toAbsolutePath().normalize() + ": " + why);
            }
        }
        return processes;
    }

    public Map<String, Long> pids() {
        return pids;
    }

    /** CPU seconds each process has used since it started; a process gone since is left out. */
    public Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
                cpu.put(name, cpuTicks(stat) / (double) ticksPerSecond);
            } catch (IOException | IllegalArgumentException e) {
                // the process ended: it has no figure
            }
        });
        return cpu;
    }

    /**
     * utime + stime (fields 14 and 15, in clock ticks) of a {@code /proc/<pid>/stat} line. The
     * command name (field 2) is in parentheses and may itself hold spaces and parentheses, so the
     * fields are counted from the last closing one.
     */
    static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        String[] fields = stat.substring(close + 1).strip().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        if (fields.length < 13) {
            throw new IllegalArgumentException("a /proc stat line with too few fields: " + stat);
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Whether a process's command line (NUL-separated, as in /proc) is the named platform process's. */
    static boolean isNamed(String commandLine, String name) {
        String line = commandLine.replace('\0', ' ');
        return switch (name) {
            case "kafka", "mongo" -> line.contains("org.clinicops.localstack.LocalStack " + name);
            default -> line.contains("/" + name + "-exec.jar");
        };
    }

    private static Optional<Long> pid(Path root, String name) {
        Path file = root.resolve("var/run/" + name + ".pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).strip());
            Path cmdline = Path.of("/proc/" + pid + "/cmdline");
            return Files.exists(cmdline) && isNamed(Files.readString(cmdline, StandardCharsets.UTF_8), name)
                    ? Optional.of(pid)
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Clock ticks per second of /proc's CPU times, from {@code getconf CLK_TCK}. */
    private static long ticksPerSecond() {
        OptionalLong asked = OptionalLong.empty();
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (getconf.waitFor() == 0 && out.matches("\\d+")) {
                asked = OptionalLong.of(Long.parseLong(out));
            }
        } catch (IOException e) {
            // no getconf: the usual value
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return asked.orElse(DEFAULT_TICKS_PER_SECOND);
    }
}
