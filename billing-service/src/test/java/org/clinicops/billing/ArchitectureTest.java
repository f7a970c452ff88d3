package org.clinicops.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.clinicops.platform.test.ArchitectureRules;
import org.clinicops.platform.test.FeatureLayerRules;

/**
 * Every feature of billing has one shape: {@code domain} (plain rules), {@code application} (use
 * cases and the ports they own) and {@code adapter.{web,kafka,mongo,metrics,pdf}} (STYLE.md rules 1
 * and 4). Cross-cutting packages ({@code apidocs}, {@code security}) stand beside the features.
 */
@AnalyzeClasses(packages = "org.clinicops.billing", importOptions = ImportOption.DoNotIncludeTests.class)
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

    /**
     * Stricter than the shared rule: billing's aggregates carry no MongoDB mapping (collection names,
     * field names, indexes); its Mongo adapters map them. Only Spring Data's {@code @Id} and {@code
     * @Version} stay, which the outbox's save listener needs.
     */
    @ArchTest
    static final ArchRule billingDomainNamesNoMongoMapping = noClasses()
            .that()
            .resideInAPackage("org.clinicops.billing.*.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data.mongodb..")
            .because("billing's Mongo adapters map its aggregates; the rules stay plain");
}
