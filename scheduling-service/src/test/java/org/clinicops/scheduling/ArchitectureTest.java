package org.clinicops.scheduling;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.clinicops.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.clinicops.scheduling");

    @Test
    void keepsFrameworkCodeOutOfTheDomain() {
        ArchitectureRules.NO_FRAMEWORK_IN_DOMAIN.check(classes);
    }
}
