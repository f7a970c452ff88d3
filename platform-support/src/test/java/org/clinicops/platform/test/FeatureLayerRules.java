package org.clinicops.platform.test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of a feature ({@code <service>.<feature>.{domain,application,adapter.*}}, as scheduling's
 * {@code booking}): use cases and rules speak through plain ports, and storage, metrics and HTTP stay
 * in the adapters. A service opts in beside the shared rules with {@code @ArchTest static final
 * ArchTests featureLayers = ArchTests.in(FeatureLayerRules.class)}: it is not part of {@link
 * ArchitectureRules}, so a service that has not taken this shape yet is not held to it.
 */
public final class FeatureLayerRules {

    private FeatureLayerRules() {}

    /** MongoDB's driver, Spring Data, Micrometer and Spring Web: what adapters are for. */
    static final String[] ADAPTER_TECHNOLOGY = {
        "com.mongodb..", "org.bson..", "org.springframework.data..", "io.micrometer..", "org.springframework.web.."
    };

    /**
     * The mapping annotations an aggregate may carry ({@code @Document}, {@code @Id}, {@code
     * @Version}, index annotations; STYLE.md rule 4 and {@link ArchitectureRules#NO_FRAMEWORK_IN_DOMAIN}).
     * Kept because the outbox rides in the aggregate's own document: the platform's save listener
     * wakes the relay for an aggregate that is saved as itself.
     */
    static final String[] MAPPING_ANNOTATIONS = {
        "org.springframework.data.annotation..",
        "org.springframework.data.mongodb.core.mapping..",
        "org.springframework.data.mongodb.core.index.."
    };

    /** Use cases reach storage and metrics only through ports that adapters implement. */
    @ArchTest
    public static final ArchRule NO_ADAPTER_TECHNOLOGY_IN_APPLICATION = noClasses()
            .that()
            .resideInAPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ADAPTER_TECHNOLOGY)
            .allowEmptyShould(true)
            .because("use cases speak through plain ports; queries, templates, meters and HTTP live in adapters");

    /** Domain code is plain: no storage, metrics or HTTP beyond the aggregates' mapping annotations. */
    @ArchTest
    public static final ArchRule NO_ADAPTER_TECHNOLOGY_IN_DOMAIN = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat(
                    resideInAnyPackage(ADAPTER_TECHNOLOGY).and(not(resideInAnyPackage(MAPPING_ANNOTATIONS))))
            .allowEmptyShould(true)
            .because("rules are plain objects; only mapping annotations may sit on an aggregate (STYLE.md rule 4)");

    /**
     * One feature's adapters never reach into another's: a feature uses another through its
     * application layer (a use case or a port), so each adapter can change alone.
     */
    @ArchTest
    public static final ArchRule ADAPTERS_OF_FEATURES_STAY_APART = slices().matching("org.clinicops.(*).(*).adapter..")
            .should()
            .notDependOnEachOther()
            .allowEmptyShould(true)
            .because("a feature reaches another through its application layer, never through its adapters");

    /** Rules and use cases never name an adapter: adapters implement the application's ports. */
    @ArchTest
    public static final ArchRule DOMAIN_AND_APPLICATION_USE_NO_ADAPTER = noClasses()
            .that()
            .resideInAnyPackage("..domain..", "..application..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..adapter..")
            .allowEmptyShould(true)
            .because("adapters implement the application's ports, never the other way round");

    /**
     * Packages beside the features that hold cross-cutting parts of a service, not a feature: its
     * security policy, its API documentation and intake's field encryption.
     */
    static final String[] CROSS_CUTTING = {
        "org.clinicops.*.security..", "org.clinicops.*.apidocs..", "org.clinicops.*.encryption.."
    };

    /**
     * A feature's code lives in its {@code domain}, {@code application} or {@code adapter} packages,
     * so a newcomer finds a rule, a use case or a page by folder name alone.
     */
    @ArchTest
    public static final ArchRule FEATURES_KEEP_THEIR_CODE_IN_THEIR_LAYERS = classes()
            .that()
            .resideInAPackage("org.clinicops.*.*..")
            .and()
            .resideOutsideOfPackages(CROSS_CUTTING)
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .resideInAnyPackage("..domain..", "..application..", "..adapter..")
            .allowEmptyShould(true)
            .because("a feature's code lives in its domain, application or adapter packages");
}
