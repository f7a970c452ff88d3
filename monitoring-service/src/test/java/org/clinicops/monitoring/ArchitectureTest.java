package org.clinicops.monitoring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.clinicops.platform.test.ArchitectureRules;
import org.clinicops.platform.test.FeatureLayerRules;

@AnalyzeClasses(packages = "org.clinicops.monitoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests sharedRules = ArchTests.in(ArchitectureRules.class);

    /**
     * Each feature as {@code domain}, {@code application} and {@code adapter}: no MongoDB, Spring
     * Data, Micrometer or Spring Web in use cases and rules, and no feature's adapter reaching into
     * another's.
     */
    @ArchTest
    static final ArchTests featureLayers = ArchTests.in(FeatureLayerRules.class);
}
