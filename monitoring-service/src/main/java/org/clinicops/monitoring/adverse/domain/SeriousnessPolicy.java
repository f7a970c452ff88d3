package org.clinicops.monitoring.adverse.domain;

/**
 * CTCAE grade at or above which an adverse event is serious and puts the patient's treatment on
 * clinical hold (grade 3 by default: severe, life-threatening, death).
 */
public record SeriousnessPolicy(int minSeriousGrade) {

    public static SeriousnessPolicy defaults() {
        return new SeriousnessPolicy(3);
    }

    public boolean serious(int grade) {
        return grade >= minSeriousGrade;
    }
}
