package org.clinicops.platform.test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;

/**
 * Architecture rules every module checks with ArchUnit. A service's {@code ArchitectureTest} takes
 * them all with {@code @ArchTest static final ArchTests sharedRules = ArchTests.in(ArchitectureRules.class)}.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /**
     * Domain logic is plain Java: no Spring, Kafka, servlet or Jackson in any {@code ..domain..}
     * package. Mapping annotations ({@code @Document}, {@code @Id}, {@code @Version}, index
     * annotations) are the one allowed exception (STYLE.md rule 4).
     */
    @ArchTest
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

    /** The package of the one class that may read the system clock ({@code ClinicClock}). */
    public static final String CLOCK_PACKAGE = "org.clinicops.clock";

    /**
     * Time comes through one door: only {@code org.clinicops.clock.ClinicClock} reads the system
     * clock. Everything else takes the injected {@link Clock} (an {@link InstantSource}), so a test
     * chooses its instant and {@code -Dclinic.clock.start} moves a whole run. Timing a duration with
     * {@link System#nanoTime()} is fine.
     */
    @ArchTest
    public static final ArchRule NO_WALL_CLOCK_OUTSIDE_THE_CLOCK = noClasses()
            .that()
            .resideOutsideOfPackage(CLOCK_PACKAGE)
            .should()
            .callCodeUnitWhere(readsTheSystemClock())
            .allowEmptyShould(true)
            .because("time comes from the injected clock (ClinicClock), never from the system clock directly");

    /**
     * Codes and enum names are never case-converted with the default locale: under a Turkish
     * default, {@code "classic".toUpperCase()} is {@code "CLASSİC"}. Use {@code Locale.ROOT}.
     */
    @ArchTest
    public static final ArchRule NO_DEFAULT_LOCALE_CASE_CONVERSION = noClasses()
            .should()
            .callMethod(String.class, "toUpperCase")
            .orShould()
            .callMethod(String.class, "toLowerCase")
            .allowEmptyShould(true)
            .because("case conversion names its locale (Locale.ROOT); the default locale changes letters");

    private static final Set<Class<?>> DATE_TIME_TYPES = Set.of(
            Instant.class,
            LocalDate.class,
            LocalDateTime.class,
            LocalTime.class,
            ZonedDateTime.class,
            OffsetDateTime.class,
            OffsetTime.class,
            Year.class,
            YearMonth.class,
            MonthDay.class);

    private static DescribedPredicate<JavaCall<?>> readsTheSystemClock() {
        return DescribedPredicate.describe("a read of the system clock", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            var parameters = call.getTarget().getRawParameterTypes();
            if (call instanceof JavaConstructorCall) {
                // new Date() is the current time
                return owner.equals(Date.class.getName()) && parameters.isEmpty();
            }
            if (!(call instanceof JavaMethodCall)) {
                return false;
            }
            if (owner.equals(System.class.getName())) {
                return name.equals("currentTimeMillis");
            }
            if (owner.equals(Clock.class.getName())) {
                return name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system");
            }
            if (owner.equals(InstantSource.class.getName())) {
                return name.equals("system");
            }
            boolean dateTime =
                    DATE_TIME_TYPES.stream().anyMatch(type -> type.getName().equals(owner));
            // now() and now(ZoneId) read the system clock; now(Clock) reads the clock it is given
            return dateTime
                    && name.equals("now")
                    && (parameters.isEmpty() || parameters.get(0).getName().equals(ZoneId.class.getName()));
        });
    }
}
