package org.clinicops.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clinicops.clock.ClinicClock;

/**
 * A private stack for a scenario that must not touch the running platform's data: its own Kafka
 * broker and Mongo store (local-stack, data under {@code var/bench/<name>}) on free ports, and the
 * services it needs started from their packaged jars as {@code ./clinic up} starts them, trusting
 * the running platform's auth server. Closing it stops every process and wipes the data.
 *
 * <p>When the run's clock is moved ({@code -Dclinic.clock.start}, often through {@code
 * JAVA_TOOL_OPTIONS}, which the processes inherit), each service continues this JVM's clock: its
 * command line names the instant this JVM's clock reads at its launch and this clock's speed, so the
 * service does not start at the configured instant again, behind the benchmark.
 */
public final class SideStack implements AutoCloseable {

    private static final String LOCAL_STACK_MAIN = "org.clinicops.localstack.LocalStack";
    private static final Duration READY = Duration.ofSeconds(300); // a busy 2-core machine needs more than 2 min

    private final Platform platform;
    private final Path data;
    private final Path logs;
    private final int kafkaPort = freePort();
    private final int mongoPort = freePort();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    /** Stops the processes when the benchmark is interrupted (Ctrl-C, SIGTERM) before it closes the stack. */
    private final Thread onExit = new Thread(this::stopProcesses, "side-stack-stop");

    private SideStack(Platform platform, String name) {
        this.platform = platform;
        this.data = platform.root().resolve("var/bench/" + name);
        this.logs = data.resolve("log");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Starts Kafka and Mongo on free ports with empty data under {@code var/bench/<name>}. */
    public static SideStack start(Platform platform, String name) {
        SideStack stack = new SideStack(platform, name);
        try {
            stack.wipe();
            Files.createDirectories(stack.logs);
            Path localStack = platform.root().resolve("local-stack/target");
            String classpath = localStack.resolve("local-stack.jar") + File.pathSeparator + localStack.resolve("lib")
                    + File.separator + "*";
            stack.launch(
                    "kafka",
                    List.of(
                            "-Xms128m",
                            "-Xmx512m",
                            "-XX:+UseSerialGC",
                            // Kafka upper-cases its own enum names with the default locale: under a
                            // Turkish default the broker fails to start ("No enum constant
                            // ...GroupType.CLASSİC"), so it runs under a fixed one, as ./clinic starts it
                            "-Duser.language=en",
                            "-Duser.country=US",
                            "-cp",
                            classpath,
                            LOCAL_STACK_MAIN,
                            "kafka",
                            "--data",
                            stack.data.resolve("kafka").toString(),
                            "--port",
                            String.valueOf(stack.kafkaPort),
                            "--controller-port",
                            String.valueOf(freePort())),
                    Map.of());
            stack.launch(
                    "mongo",
                    List.of(
                            "-Xms64m",
                            // booking-scale's largest site holds 200k appointments and about 4.4M
                            // reservation cells: 384 MB (the platform's store) ran out of heap at 50k
                            "-Xmx1536m",
                            "-XX:+UseSerialGC",
                            "-cp",
                            classpath,
                            LOCAL_STACK_MAIN,
                            "mongo",
                            "--data",
                            stack.data.resolve("mongo").toString(),
                            "--port",
                            String.valueOf(stack.mongoPort)),
                    Map.of());
            stack.awaitLog("kafka", "Kafka broker ready");
            stack.awaitLog("mongo", "Mongo ready");
            return stack;
        } catch (RuntimeException | IOException e) {
            stack.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public String kafka() {
        return "localhost:" + kafkaPort;
    }

    /** The store with the database, e.g. {@code mongodb://localhost:40123/scheduling}. */
    public String mongo(String database) {
        return "mongodb://localhost:" + mongoPort + "/" + database;
    }

    /**
     * Starts a service from {@code <service>/target/<service>-exec.jar} with the JVM options of
     * {@code ./clinic up} (CLINIC_JAVA_OPTS) plus {@code jvmOptions}, and {@code arguments} (Spring properties), then
     * waits until it is healthy.
     */
    public void startService(String service, List<String> jvmOptions, List<String> arguments) {
        int port = freePort();
        ports.put(service, port);
        int managementPort = freePort();
        managementPorts.put(service, managementPort);
        String database = service.substring(0, service.indexOf('-'));
        List<String> command = new ArrayList<>(platform.serviceJavaOptions());
        command.addAll(runClockOptions());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(platform.root()
                .resolve(service + "/target/" + service + "-exec.jar")
                .toString());
        command.addAll(arguments);
        launch(
                service,
                command,
                Map.of(
                        "SERVER_PORT", String.valueOf(port),
                        "MANAGEMENT_SERVER_PORT", String.valueOf(managementPort),
                        "SPRING_MONGODB_URI", mongo(database),
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka(),
                        "CLINIC_SECURITY_ISSUER", platform.issuer().toString(),
                        "CLINIC_WEB_CLIENT_SECRET", "unused-by-benchmarks",
                        // the checks read what no API shows through the service's ops views
                        "CLINIC_OPS_VIEWS_ENABLED", "true"));
        awaitHealthy(service);
    }

    public URI service(String service, String path) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalStateException(service + " was not started in this stack");
        }
        return URI.create("http://localhost:" + port + path);
    }

    /** Where the service serves metrics and health details (its management port). */
    public URI management(String service, String path) {
        Integer port = managementPorts.get(service);
        if (port == null) {
            throw new IllegalStateException(service + " was not started in this stack");
        }
        return URI.create("http://localhost:" + port + path);
    }

    /** The operating system's id of a process of this stack ({@code kafka}, {@code mongo} or a service). */
    public long pid(String name) {
        Process process = processes.get(name);
        if (process == null) {
            throw new IllegalStateException(name + " is not running in this stack");
        }
        return process.pid();
    }

    /**
     * The options that start a service on this run's clock, none when the run uses the system clock.
     * On the command line, which wins over JAVA_TOOL_OPTIONS: the instant this clock reads now, counted
     * from the service's own start (a blank anchor: an inherited one names another moment) at this
     * clock's speed.
     */
    static List<String> runClockOptions() {
        if (ClinicClock.configuredStart().isEmpty()) {
            return List.of();
        }
        return List.of(
                "-D" + ClinicClock.START_PROPERTY + "="
                        + ClinicClock.ofThisRun().instant(),
                "-D" + ClinicClock.ANCHOR_PROPERTY + "=",
                "-D" + ClinicClock.SPEED_PROPERTY + "=" + ClinicClock.speed());
    }

    private void launch(String name, List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        try {
            processes.put(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitLog(String name, String line) {
        Path log = logs.resolve(name + ".log");
        awaitUntil(name, () -> Files.exists(log) && Files.readString(log).contains(line));
    }

    private void awaitHealthy(String service) {
        HttpRequest health = HttpRequest.newBuilder(management(service, "/actuator/health"))
                .timeout(Duration.ofSeconds(3))
                .build();
        awaitUntil(service, () -> {
            try {
                return platform.http()
                                .send(health, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private interface Check {
        boolean done() throws IOException, InterruptedException;
    }

    private void awaitUntil(String name, Check check) {
        long deadline = System.nanoTime() + READY.toNanos();
        try {
            while (!check.done()) {
                Process process = processes.get(name);
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException(name + " exited; see " + logs.resolve(name + ".log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            name + " was not ready within " + READY + "; see " + logs.resolve(name + ".log"));
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stopProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down: the hook stops the processes
        }
        wipe();
    }

    private synchronized void stopProcesses() {
        List<String> names = new ArrayList<>(processes.keySet());
        Collections.reverse(names); // services first, then Mongo and Kafka
        for (String name : names) {
            Process process = processes.get(name);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
    }

    private void wipe() {
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!file.startsWith(logs) && !file.equals(data)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
