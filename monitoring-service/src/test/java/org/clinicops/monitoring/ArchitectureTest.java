package org.clinicops.monitoring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.clinicops.platform.test.ArchitectureRules;

@AnalyzeClasses(packages = "org.clinicops.monitoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = ArchitectureRules.NO_FRAMEWORK_IN_DOMAIN;
}
