package org.clinicops.intake.patients.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PatientMatchKeyTest {

    static final LocalDate BORN = LocalDate.of(1984, 2, 29);

    @Test
    void findsAReturningPatientDespiteCaseAccentsAndSpaces() {
        assertThat(PatientMatchKey.of("Zoë ", "O'Neil", BORN, "Zoe@Example.org"))
                .isEqualTo(PatientMatchKey.of("zoe", " o'neil", BORN, "zoe@example.org "));
    }

    @Test
    void aDifferentDateOfBirthOrEmailIsAnotherPatient() {
        String key = PatientMatchKey.of("Zoe", "ONeil", BORN, "zoe@example.org");

        assertThat(PatientMatchKey.of("Zoe", "ONeil", BORN.plusDays(1), "zoe@example.org"))
                .isNotEqualTo(key);
        assertThat(PatientMatchKey.of("Zoe", "ONeil", BORN, "zoe@example.com")).isNotEqualTo(key);
    }

    @Test
    void theKeyRevealsNoIdentity() {
        assertThat(PatientMatchKey.of("Zoe", "ONeil", BORN, "zoe@example.org"))
                .hasSize(64)
                .doesNotContainIgnoringCase("zoe")
                .doesNotContain("1984");
    }
}
