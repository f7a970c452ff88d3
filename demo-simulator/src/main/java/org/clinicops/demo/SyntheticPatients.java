package org.clinicops.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Obviously synthetic patients: made-up names, reserved e-mail domain, 555-01xx phone numbers. */
final class SyntheticPatients {

    private static final List<String> FIRST = List.of(
            "Alex", "Sam", "Robin", "Jordan", "Casey", "Morgan", "Taylor", "Jamie", "Riley", "Avery", "Quinn", "Drew");
    private static final List<String> LAST = List.of(
            "Demo", "Sample", "Testa", "Fictus", "Placeholder", "Mockley", "Synthe", "Exemplar", "Dummer", "Pretend");

    /** Conditions with weights: treatment-resistant depression is the main one (DOMAIN.md). */
    private static final List<Map.Entry<String, Integer>> CONDITIONS = List.of(
            Map.entry("TREATMENT_RESISTANT_DEPRESSION", 50),
            Map.entry("BIPOLAR_DEPRESSION", 6),
            Map.entry("ANXIETY", 8),
            Map.entry("PTSD", 10),
            Map.entry("OCD", 3),
            Map.entry("SUICIDAL_IDEATION", 4),
            Map.entry("CHRONIC_PAIN", 6),
            Map.entry("FIBROMYALGIA", 4),
            Map.entry("CRPS", 3),
            Map.entry("NEUROPATHIC_PAIN", 3),
            Map.entry("MIGRAINE", 3));

    private SyntheticPatients() {}

    static Map<String, Object> patient(RandomGenerator random, long n) {
        String first = FIRST.get(random.nextInt(FIRST.size()));
        String last = LAST.get(random.nextInt(LAST.size()));
        LocalDate born = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return Map.of(
                "firstName",
                first,
                "lastName",
                last + n,
                "dateOfBirth",
                born.toString(),
                "email",
                first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + n + "@demo.invalid",
                "phone",
                String.format(Locale.ROOT, "+1 555 01%02d %04d", random.nextInt(100), random.nextInt(10_000)));
    }

    static String condition(RandomGenerator random) {
        int total = CONDITIONS.stream().mapToInt(Map.Entry::getValue).sum();
        int pick = random.nextInt(total);
        for (var entry : CONDITIONS) {
            pick -= entry.getValue();
            if (pick < 0) {
                return entry.getKey();
            }
        }
        return CONDITIONS.get(0).getKey();
    }

    static boolean isPain(String condition) {
        return List.of("CHRONIC_PAIN", "FIBROMYALGIA", "CRPS", "NEUROPATHIC_PAIN", "MIGRAINE")
                .contains(condition);
    }

    static String payerType(RandomGenerator random) {
        double p = random.nextDouble();
        return p < 0.7 ? "SELF_PAY" : p < 0.85 ? "OUT_OF_NETWORK" : "INSURANCE";
    }

    static String referralSource(RandomGenerator random) {
        double p = random.nextDouble();
        return p < 0.45 ? "SELF" : p < 0.75 ? "PHYSICIAN" : p < 0.95 ? "THERAPIST" : "OTHER";
    }
}
