package org.clinicops.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of a benchmark run, with typed getters and defaults. */
public final class Options {

    private final Map<String, String> values;

    public Options(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Options none() {
        return new Options(Map.of());
    }

    /** Parses {@code --name value} and {@code --name=value}; anything else is returned in {@code rest}. */
    public static Options parse(List<String> args, List<String> rest) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    values.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    values.put(name, args.get(++i));
                } else {
                    values.put(name, "true");
                }
            } else {
                rest.add(arg);
            }
        }
        return new Options(values);
    }

    public Options with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Options(copy);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        String value = values.get(name);
        return value == null
                ? fallback
                : Integer.parseInt(value.replace("_", "").replace("k", "000"));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /** A duration such as {@code 30s}, {@code 2m} or {@code 500ms}. */
    public Duration duration(String name, Duration fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    /** A comma-separated list of integers, e.g. {@code --rates 50,200,500} or {@code --sizes 0,10k}. */
    public List<Integer> integers(String name, List<Integer> fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> Integer.parseInt(s.replace("_", "").replace("k", "000")))
                .toList();
    }

    public Map<String, String> asMap() {
        return values;
    }
}
