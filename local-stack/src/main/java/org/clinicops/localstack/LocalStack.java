package org.clinicops.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: {@code LocalStack kafka …} or {@code LocalStack mongo …} runs one piece of
 * infrastructure in the foreground until the process is told to stop (SIGTERM or Ctrl-C), then stops
 * it cleanly so its data is on disk. The {@code clinic} script at the repository root starts one JVM
 * per piece.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {}

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("LocalStack: " + e.getMessage());
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            switch (options.command()) {
                case LaunchOptions.KAFKA -> runKafka(options);
                case LaunchOptions.MONGO -> runMongo(options);
                default -> throw new IllegalStateException("unhandled command " + options.command());
            }
        } catch (Exception e) {
            log.error("LocalStack {} failed to start", options.command(), e);
            LogManager.shutdown();
            System.exit(1);
        }
    }

    private static void runKafka(LaunchOptions options) throws Exception {
        String clusterIdFile = options.text("cluster-id-file");
        KafkaBroker broker = new KafkaBroker(
                options.dataDir(),
                options.port("port", 9092),
                options.port("controller-port", 9093),
                options.number("node-id", 1),
                options.text("voters"),
                clusterIdFile == null ? null : Path.of(clusterIdFile));
        stopOnShutdown(broker);
        broker.start();
        broker.awaitShutdown();
    }

    private static void runMongo(LaunchOptions options) throws Exception {
        MongoWireServer mongo = new MongoWireServer(options.dataDir(), options.port("port", 27017));
        CountDownLatch stopped = stopOnShutdown(mongo);
        mongo.start();
        stopped.await();
    }

    /**
     * Stops the server from a shutdown hook, then flushes the logs (log4j2's own hook is disabled in
     * log4j2.xml so the stop messages are not lost).
     */
    private static CountDownLatch stopOnShutdown(AutoCloseable server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                            } catch (Exception e) {
                                log.error("Clean stop failed", e);
                            } finally {
                                stopped.countDown();
                                LogManager.shutdown();
                            }
                        },
                        "localstack-shutdown"));
        return stopped;
    }
}
