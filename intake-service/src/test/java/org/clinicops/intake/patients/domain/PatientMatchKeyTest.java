package org.clinicops.intake.patients.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PatientMatchKeyTest {

    static final LocalDate BORN = LocalDate.of(1984, 2, 29);

    @Test
    void findsAReturningPatientDespiteCaseAccentsAndSpaces() {
        assertThat(PatientMatchKey.canonical("Zoë ", "O'Neil", BORN, "Zoe@Example.org"))
                .isEqualTo(PatientMatchKey.canonical("zoe", " o'neil", BORN, "zoe@example.org "));
    }

    @Test
    void aDifferentDateOfBirthOrEmailIsAnotherPatient() {
        String key = PatientMatchKey.canonical("Zoe", "ONeil", BORN, "zoe@example.org");

        assertThat(PatientMatchKey.canonical("Zoe", "ONeil", BORN.plusDays(1), "zoe@example.org"))
                .isNotEqualTo(key);
        assertThat(PatientMatchKey.canonical("Zoe", "ONeil", BORN, "zoe@example.com"))
                .isNotEqualTo(key);
    }
}
