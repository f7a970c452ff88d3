package org.clinicops.bench.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Report;
import org.jspecify.annotations.Nullable;

/**
 * What one unit of work cost (a consultation request, a completed session): the window's CPU seconds
 * and MongoDB commands divided by the units completed in it. Beside the figure, what the platform
 * spends idle ({@code idle}: a window without load, per second) and the cost net of it, so a reader
 * sees how much of a figure is background work (pollers, sweeps) spread over the units.
 *
 * @param unit what was counted, e.g. {@code consultation request}
 * @param key the prefix of the figures, e.g. {@code request}
 * @param units units completed in the window
 * @param window from the first unit offered to the last one's work settled
 * @param idle a window of the same platform without load, or null when none was measured
 */
record UnitCost(
        String unit,
        String key,
        long units,
        Window window,
        @Nullable Window idle) {

    static final String SERVICES = "services";
    static final String ALL = "all processes";
    static final List<String> OTHERS = List.of("mongo", "kafka", "auth-server");

    /** CPU ms per unit of a process, or of {@link #SERVICES} or {@link #ALL}; NaN without units. */
    double cpuMs(String name) {
        return units == 0 ? Double.NaN : cpuSeconds(window, name) * 1_000 / units;
    }

    /** CPU ms per second of the process (or group) while idle; NaN when no idle window was measured. */
    double idleCpuMsPerSecond(String name) {
        Window idleWindow = idle;
        return idleWindow == null || idleWindow.seconds() <= 0
                ? Double.NaN
                : cpuSeconds(idleWindow, name) * 1_000 / idleWindow.seconds();
    }

    /** CPU ms per unit beyond what the process would have spent idle over the window. */
    double netCpuMs(String name) {
        double idleRate = idleCpuMsPerSecond(name);
        if (units == 0 || Double.isNaN(idleRate)) {
            return Double.NaN;
        }
        return (cpuSeconds(window, name) * 1_000 - idleRate * window.seconds()) / units;
    }

    /** MongoDB commands per unit of a service, or of {@link #SERVICES}. */
    double commands(String service) {
        return units == 0 ? Double.NaN : commandCount(window, service) / units;
    }

    /** MongoDB commands per second of a service (or all services) while idle. */
    double idleCommandsPerSecond(String service) {
        Window idleWindow = idle;
        return idleWindow == null || idleWindow.seconds() <= 0
                ? Double.NaN
                : commandCount(idleWindow, service) / idleWindow.seconds();
    }

    /** Whether every named process had a CPU figure over the window. */
    boolean measured(String name) {
        return window.cpuSeconds().containsKey(name);
    }

    private static double cpuSeconds(Window window, String name) {
        Map<String, Double> cpu = window.cpuSeconds();
        return switch (name) {
            case SERVICES -> sum(cpu, Platform.SERVICES);
            case ALL -> sum(cpu, Platform.SERVICES) + sum(cpu, OTHERS);
            default -> cpu.getOrDefault(name, 0.0);
        };
    }

    private static double sum(Map<String, Double> cpu, List<String> names) {
        return names.stream().mapToDouble(n -> cpu.getOrDefault(n, 0.0)).sum();
    }

    private static double commandCount(Window window, String service) {
        if (service.equals(SERVICES)) {
            return window.commands().values().stream()
                    .mapToDouble(CommandCounts::total)
                    .sum();
        }
        CommandCounts counts = window.commands().get(service);
        return counts == null ? 0 : counts.total();
    }

    /** How many command/collection pairs of the services sent anything in the window. */
    int pairs() {
        return window.commands().values().stream()
                .mapToInt(counts -> counts.counts().size())
                .sum();
    }

    /** The largest command/collection pairs of all services, as rows: service, command, collection, count. */
    List<Top> largest(int limit) {
        List<Top> all = new ArrayList<>();
        window.commands()
                .forEach((service, counts) ->
                        counts.largest().forEach(e -> all.add(new Top(service, e.getKey(), e.getValue()))));
        all.sort((a, b) -> {
            int byCount = Double.compare(b.count(), a.count());
            return byCount != 0 ? byCount : (a.service() + a.key()).compareTo(b.service() + b.key());
        });
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** A command on a collection by a service, and how often it was sent in the window. */
    record Top(String service, CommandCounts.Key key, double count) {}

    /**
     * Adds the tables and figures of this unit to the report: CPU by process, commands by service, the
     * {@code top} command/collection pairs.
     */
    void addTo(Report report, int top) {
        Report.Table cpu = report.table(
                "CPU per " + unit + " by process (" + units + " in " + Report.round(window.seconds(), 1)
                        + " s; idle = the same processes without load)",
                "process",
                "cpu s",
                "ms per " + unit,
                "idle ms/s",
                "net of idle ms");
        List<String> rows = new ArrayList<>(Platform.SERVICES);
        rows.add(SERVICES);
        rows.addAll(OTHERS);
        rows.add(ALL);
        for (String name : rows) {
            boolean group = name.equals(SERVICES) || name.equals(ALL);
            if (!group && !measured(name)) {
                cpu.row(name, "-", "not found", "-", "-");
                continue;
            }
            cpu.row(
                    name,
                    Report.round(cpuSeconds(window, name), 2),
                    cell(cpuMs(name), 2),
                    cell(idleCpuMsPerSecond(name), 1),
                    cell(netCpuMs(name), 2));
            String figure = name.equals(ALL) ? "all" : name;
            figure(report, key + ".cpuMs." + figure, cpuMs(name));
            figure(report, key + ".netCpuMs." + figure, netCpuMs(name));
        }
        Report.Table commandTable = report.table(
                "MongoDB commands per " + unit + " by service (" + CommandCounts.METRIC + ")",
                "service",
                "commands",
                "per " + unit,
                "idle per s");
        List<String> services = new ArrayList<>(Platform.SERVICES);
        services.add(SERVICES);
        for (String service : services) {
            commandTable.row(
                    service,
                    Report.round(commandCount(window, service), 0),
                    cell(commands(service), 2),
                    cell(idleCommandsPerSecond(service), 2));
            figure(report, key + ".mongoCommands." + service, commands(service));
        }
        Report.Table largest = report.table(
                "Where the commands go: the largest command/collection pairs (" + Math.min(top, pairs()) + " of "
                        + pairs() + ")",
                "service",
                "command",
                "collection",
                "commands",
                "per " + unit);
        for (Top t : largest(top)) {
            largest.row(
                    t.service(),
                    t.key().command(),
                    t.key().collection(),
                    Report.round(t.count(), 0),
                    cell(units == 0 ? Double.NaN : t.count() / units, 2));
        }
        report.figure(key + ".count", units);
        figure(report, key + ".idleSeconds", idle == null ? Double.NaN : idle.seconds());
        report.figure(key + ".windowSeconds", Report.round(window.seconds(), 1));
    }

    /** A table cell: the value rounded, or "-" when there is none. */
    static Object cell(double value, int digits) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : Report.round(value, digits);
    }

    private static void figure(Report report, String name, double value) {
        if (!Double.isNaN(value) && !Double.isInfinite(value)) {
            report.figure(name, Report.round(value, 3));
        }
    }
}
