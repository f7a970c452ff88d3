package org.clinicops.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.clinicops.platform.test.ArchitectureRules;

/**
 * Every feature of billing has one shape: {@code domain} (plain rules), {@code application} (use
 * cases and the ports they own) and {@code adapter.{web,kafka,mongo,metrics,pdf}} (STYLE.md rules 1
 * and 4). Cross-cutting packages ({@code apidocs}, {@code security}) stand beside the features.
 */
@AnalyzeClasses(packages = "org.clinicops.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] FEATURES = {
        "org.clinicops.billing.accounts..",
        "org.clinicops.billing.assistance..",
        "org.clinicops.billing.charging..",
        "org.clinicops.billing.invoicing..",
        "org.clinicops.billing.sites..",
        "org.clinicops.billing.staffdesk..",
        "org.clinicops.billing.superbill.."
    };

    static final String[] RULES_AND_USE_CASES = {
        "org.clinicops.billing.*.domain..", "org.clinicops.billing.*.application.."
    };

    @ArchTest
    static final ArchTests sharedRules = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule domainAndApplicationNameNoStorageMetricsOrWeb = noClasses()
            .that()
            .resideInAnyPackage(RULES_AND_USE_CASES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.mongodb..",
                    "org.bson..",
                    "org.springframework.data.mongodb..",
                    "io.micrometer..",
                    "org.springframework.web..")
            .because("MongoDB, meters and the web are adapters' business: use cases reach them through the"
                    + " ports they own");

    @ArchTest
    static final ArchRule domainAndApplicationNeverUseAnAdapter = noClasses()
            .that()
            .resideInAnyPackage(RULES_AND_USE_CASES)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.clinicops.billing.*.adapter..")
            .because("adapters implement the application's ports, never the other way round");

    @ArchTest
    static final ArchRule adaptersOfOneFeatureStayOutOfAnothersAdapters = slices().matching(
                    "org.clinicops.billing.(*).adapter..")
            .should()
            .notDependOnEachOther()
            .because(
                    "a feature reaches another through its application (use cases) or domain, never its" + " adapters");

    @ArchTest
    static final ArchRule featuresKeepTheirCodeInTheirLayers = classes()
            .that()
            .resideInAnyPackage(FEATURES)
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .resideInAnyPackage("..domain..", "..application..", "..adapter..")
            .because("a feature's code lives in its domain, application or adapter packages");
}
