package org.clinicops.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose data lives in one H2 MVStore file,
 * {@code dataDir/mongo.mv}. Databases and collections are created on first use.
 *
 * <p>It runs {@link IndexedH2Backend}, mongo-java-server's H2 backend with three changes (see
 * local-stack's README). With {@code -D}{@value #BACKEND_PROPERTY}{@code =plain} it runs the
 * upstream backend unchanged, on a store file of its own ({@code dataDir/mongo-plain.mv}): the
 * upstream backend cannot read documents the changed one wrote as BSON, so the two never share a
 * file.
 */
final class MongoWireServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    /**
     * H2's page cache (upstream: 16 MB), sized for a platform's working set of documents within the
     * store's heap (384 MB in {@code ./clinic}); pages written since the last commit come on top.
     */
    static final int CACHE_MB = 48;

    /** The system property that chooses the backend: {@code indexed} (the default) or {@code plain}. */
    static final String BACKEND_PROPERTY = "clinic.local-store.backend";

    private static final AtomicInteger BACKGROUND_FAILURES = new AtomicInteger();

    /** The exit status of a store process ended by a failure that left the store unable to save. */
    static final int EXIT_STORE_FAILED = 70;

    private static final long PANIC_CHECK_DELAY_MS = 1_000;

    private volatile @Nullable MVStore store;

    private final Path dataDir;
    private final int port;
    private final boolean plain;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private @Nullable MongoServer server;

    MongoWireServer(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        String backend = System.getProperty(BACKEND_PROPERTY, "indexed");
        if (!backend.equals("indexed") && !backend.equals("plain")) {
            throw new IllegalArgumentException(BACKEND_PROPERTY + " is indexed or plain, not " + backend);
        }
        this.plain = backend.equals("plain");
    }

    Path storeFile() {
        return dataDir.resolve(plain ? "mongo-plain.mv" : "mongo.mv");
    }

    String connectionString() {
        return "mongodb://localhost:" + port;
    }

    /** Opens the store and listens on localhost; returns once connections are accepted. */
    void start() throws IOException {
        Files.createDirectories(dataDir);
        MVStore store = new MVStore.Builder()
                .fileName(storeFile().toString())
                .cacheSize(CACHE_MB)
                .backgroundExceptionHandler(this::backgroundFailure)
                .open();
        this.store = store;
        H2Backend backend = plain ? new H2Backend(store) : new IndexedH2Backend(store);
        MongoServer mongoServer = new MongoServer(backend);
        try {
            mongoServer.bind("localhost", port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        server = mongoServer;
        log.info(
                "Mongo ready: {} (store {}, {} backend)",
                connectionString(),
                storeFile(),
                plain ? "plain upstream" : "indexed");
    }

    /**
     * A failure of the store's background writer (committing, serializing or saving a chunk, or
     * housekeeping), logged here where it would otherwise be lost. When it panicked the store, H2
     * leaves the store open but unable to save: the next save waits for the failed chunk forever, and
     * every client with it. The process then ends (exit status {@value #EXIT_STORE_FAILED}) instead of
     * hanging: the failure shows, and {@code ./clinic up} starts the store again from its last saved
     * chunk (what the failed saves held was lost with the panic either way).
     */
    private void backgroundFailure(Thread thread, Throwable failure) {
        BACKGROUND_FAILURES.incrementAndGet();
        log.error("The store's background writer failed on {}", thread.getName(), failure);
        // H2 records the panic right after calling this handler
        Thread check = new Thread(
                () -> {
                    try {
                        Thread.sleep(PANIC_CHECK_DELAY_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    MVStore current = store;
                    if (current != null && current.getPanicException() != null) {
                        log.error("The store cannot save any more after that failure: stopping the process,"
                                + " so that it does not hang; ./clinic up starts it again");
                        Runtime.getRuntime().halt(EXIT_STORE_FAILED);
                    }
                },
                "store-panic-check");
        check.setDaemon(true);
        check.start();
    }

    /** Failures of the background writer in this process so far (tests). */
    static int backgroundFailures() {
        return BACKGROUND_FAILURES.get();
    }

    /** Stops listening, closes client connections and closes the store so every write is on disk. */
    @Override
    public void close() {
        MongoServer current = server;
        if (current == null || !stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping Mongo on {}", connectionString());
        // shutdown() also closes the backend, which commits and closes the MVStore file.
        current.shutdown();
        log.info("Mongo stopped");
    }
}
