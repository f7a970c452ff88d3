package org.clinicops.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The parsed command line: a subcommand followed by {@code --name value} (or {@code --name=value}) options. */
record LaunchOptions(String command, Map<String, String> values) {

    static final String KAFKA = "kafka";
    static final String MONGO = "mongo";

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            KAFKA, Set.of("data", "port", "controller-port", "node-id", "voters", "cluster-id-file"),
            MONGO, Set.of("data", "port"));

    static final String USAGE = """
            Usage:
              LocalStack kafka --data DIR [--port 9092] [--controller-port 9093]
                               [--node-id 1 --voters 1@localhost:9093,2@localhost:9095,... --cluster-id-file F]
                  a real Apache Kafka broker in KRaft combined mode, data in DIR/logs; alone, or node
                  N of the cluster whose controller quorum is --voters (sharing the cluster id in F)
              LocalStack mongo --data DIR [--port 27017]
                  a MongoDB wire-protocol server persisted to DIR/mongo.mv
            """;

    LaunchOptions {
        values = Map.copyOf(values);
    }

    static LaunchOptions parse(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("missing command");
        }
        String command = args.get(0);
        Set<String> allowed = ALLOWED.get(command);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " for " + command);
            }
            values.put(name, value);
        }
        if (!values.containsKey("data")) {
            throw new IllegalArgumentException(command + " needs --data DIR");
        }
        return new LaunchOptions(command, values);
    }

    Path dataDir() {
        return Path.of(values.get("data"));
    }

    /** The value of an option, or null when it was not given. */
    @Nullable
    String text(String name) {
        return values.get(name);
    }

    /** A whole number from 0 on (e.g. a node id). */
    int number(String name, int defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative: " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number: " + value, e);
        }
    }

    int port(String name, int defaultPort) {
        String value = values.get(name);
        if (value == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--" + name + " must be a port between 1 and 65535: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number: " + value, e);
        }
    }
}
