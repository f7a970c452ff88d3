package org.clinicops.demo;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Command-line options of the simulator.
 *
 * @param patientsPerMinute new patients a minute (the speed of the demo)
 * @param sessionGap wall-clock time between two sessions of one patient
 * @param minutes how long to run, 0 for until stopped
 * @param token bearer token sent with every call, if any
 */
record DemoOptions(
        String intakeUrl,
        String schedulingUrl,
        String billingUrl,
        String monitoringUrl,
        double patientsPerMinute,
        Duration sessionGap,
        long minutes,
        long seed,
        @Nullable String token) {

    static final String USAGE = """
            usage: DemoSimulator [--speed N] [--minutes M] [--seed S] [--token JWT]
                                 [--intake URL] [--scheduling URL] [--billing URL] [--monitoring URL]
              --speed N      1 = 12 new patients a minute and a session every 20 s per patient (default 1)
              --minutes M    stop after M minutes (default: run until Ctrl-C)
              --token JWT    bearer token for the APIs (default: $CLINIC_TOKEN)""";

    static DemoOptions parse(String... args) {
        String intake = "http://localhost:8081";
        String scheduling = "http://localhost:8082";
        String billing = "http://localhost:8083";
        String monitoring = "http://localhost:8084";
        double speed = 1;
        long minutes = 0;
        long seed = System.nanoTime();
        String token = System.getenv("CLINIC_TOKEN");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--intake" -> intake = value;
                case "--scheduling" -> scheduling = value;
                case "--billing" -> billing = value;
                case "--monitoring" -> monitoring = value;
                case "--speed" -> speed = positive(name, value);
                case "--minutes" -> minutes = (long) positive(name, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--token" -> token = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new DemoOptions(
                intake,
                scheduling,
                billing,
                monitoring,
                12 * speed,
                Duration.ofMillis(Math.round(20_000 / speed)),
                minutes,
                seed,
                token == null || token.isBlank() ? null : token);
    }

    private static double positive(String name, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(name + " must be a positive number, not '" + value + "'");
    }
}
