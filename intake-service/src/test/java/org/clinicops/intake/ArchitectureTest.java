package org.clinicops.intake;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.clinicops.platform.test.ArchitectureRules;

@AnalyzeClasses(packages = "org.clinicops.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainLogicIsFreeOfFrameworkCode = ArchitectureRules.NO_FRAMEWORK_IN_DOMAIN;
}
