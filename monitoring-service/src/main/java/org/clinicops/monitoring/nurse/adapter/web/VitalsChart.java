package org.clinicops.monitoring.nurse.adapter.web;

import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.clinicops.monitoring.vitals.domain.VitalsReading;

/**
 * An inline SVG line chart of a session's readings: one polyline per measure on a 0-250 scale,
 * readings evenly spaced in time order.
 */
record VitalsChart(
        int width, int height, String systolic, String diastolic, String heartRate, String spo2, List<Tick> ticks) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 40;
    static final int TOP = 10;
    static final int BOTTOM = 20;
    static final double MAX = 250;

    /** A horizontal grid line with its label. */
    record Tick(int y, String label) {}

    static VitalsChart of(List<VitalsReading> readings) {
        return new VitalsChart(
                WIDTH,
                HEIGHT,
                points(readings, VitalsReading::systolic),
                points(readings, VitalsReading::diastolic),
                points(readings, VitalsReading::heartRate),
                points(readings, VitalsReading::spo2),
                IntStream.of(0, 50, 100, 150, 200, 250)
                        .mapToObj(v -> new Tick(y(v), Integer.toString(v)))
                        .toList());
    }

    private static String points(List<VitalsReading> readings, ToIntFunction<VitalsReading> value) {
        int n = readings.size();
        double step = n <= 1 ? 0 : (WIDTH - LEFT - 20) / (double) (n - 1);
        return IntStream.range(0, n)
                .mapToObj(i -> (int) Math.round(LEFT + 10 + i * step) + "," + y(value.applyAsInt(readings.get(i))))
                .collect(Collectors.joining(" "));
    }

    private static int y(int value) {
        double plot = HEIGHT - TOP - BOTTOM;
        return (int) Math.round(TOP + plot - Math.min(value, MAX) / MAX * plot);
    }
}
