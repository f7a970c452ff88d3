package org.clinicops.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** One mongo-java-server per test JVM, in memory; each caller gets a database of its own. */
public final class InMemoryMongo {

    private static final AtomicInteger databases = new AtomicInteger();
    private static volatile MongoServer server;

    private InMemoryMongo() {}

    /** A connection string to a fresh database with the given name prefix. */
    public static String freshDatabaseUri(String prefix) {
        return "mongodb://" + address() + "/" + prefix + "_" + databases.incrementAndGet();
    }

    public static String address() {
        MongoServer current = server;
        if (current == null) {
            synchronized (InMemoryMongo.class) {
                current = server;
                if (current == null) {
                    current = new MongoServer(new MemoryBackend());
                    current.bind("127.0.0.1", 0);
                    server = current;
                    MongoServer started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::shutdownNow));
                }
            }
        }
        InetSocketAddress address = current.getLocalAddress();
        return "127.0.0.1:" + address.getPort();
    }
}
