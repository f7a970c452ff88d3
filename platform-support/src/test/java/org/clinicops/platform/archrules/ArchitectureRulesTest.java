package org.clinicops.platform.archrules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.clinicops.platform.archrules.sample.ReadsTheInjectedClock;
import org.clinicops.platform.archrules.sample.ReadsTheWallClock;
import org.clinicops.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {

    @Test
    void theClockRuleFailsOnANewReadOfTheWallClock() {
        var classes = new ClassFileImporter().importClasses(ReadsTheWallClock.class);

        assertThatThrownBy(() -> ArchitectureRules.NO_WALL_CLOCK_OUTSIDE_THE_CLOCK.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Instant.now()")
                .hasMessageContaining("LocalDate.now(java.time.ZoneId)");
    }

    @Test
    void theClockRulePassesCodeThatReadsTheInjectedClock() {
        var classes = new ClassFileImporter().importClasses(ReadsTheInjectedClock.class);

        assertThatCode(() -> ArchitectureRules.NO_WALL_CLOCK_OUTSIDE_THE_CLOCK.check(classes))
                .doesNotThrowAnyException();
    }

    @Test
    void theLocaleRuleFailsOnCaseConversionWithTheDefaultLocale() {
        var classes = new ClassFileImporter().importClasses(ReadsTheWallClock.class);

        assertThatThrownBy(() -> ArchitectureRules.NO_DEFAULT_LOCALE_CASE_CONVERSION.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("String.toUpperCase()");
    }

    @Test
    void theLocaleRulePassesCaseConversionWithTheRootLocale() {
        var classes = new ClassFileImporter().importClasses(ReadsTheInjectedClock.class);

        assertThatCode(() -> ArchitectureRules.NO_DEFAULT_LOCALE_CASE_CONVERSION.check(classes))
                .doesNotThrowAnyException();
    }
}
