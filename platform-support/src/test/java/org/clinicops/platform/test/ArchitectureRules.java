package org.clinicops.platform.test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** Architecture rules every service checks with ArchUnit. */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /**
     * Domain logic is plain Java: no Spring, Kafka, servlet or Jackson in any {@code ..domain..}
     * package. Mapping annotations ({@code @Document}, {@code @Id}, {@code @Version}, index
     * annotations) are the one allowed exception (STYLE.md rule 4).
     */
    public static final ArchRule NO_FRAMEWORK_IN_DOMAIN = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(
                            "org.springframework..", "org.apache.kafka..", "jakarta.servlet..", "tools.jackson..")
                    .and(not(resideInAnyPackage(
                            "org.springframework.data.annotation..",
                            "org.springframework.data.mongodb.core.mapping..",
                            "org.springframework.data.mongodb.core.index.."))))
            .allowEmptyShould(true)
            .because("domain logic is free of framework code (STYLE.md rule 4)");
}
