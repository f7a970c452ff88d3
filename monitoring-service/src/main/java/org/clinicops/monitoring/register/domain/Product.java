package org.clinicops.monitoring.register.domain;

/**
 * What a lot holds. Ketamine hydrochloride comes in vials (a concentration in mg/mL and a volume per
 * vial); esketamine nasal spray in single-use devices of a fixed dose (28 mg each).
 */
public enum Product {
    /** Ketamine hydrochloride injection, in vials. */
    KETAMINE_HCL("vial"),
    /** Esketamine nasal spray devices (nasal sessions, REMS). */
    ESKETAMINE_NASAL("device");

    private final String unit;

    Product(String unit) {
        this.unit = unit;
    }

    /** The unit of stock: vial or device. */
    public String unit() {
        return unit;
    }

    /** Whether the product's strength is a concentration and a volume (vials), not mg per device. */
    public boolean byConcentration() {
        return this == KETAMINE_HCL;
    }
}
