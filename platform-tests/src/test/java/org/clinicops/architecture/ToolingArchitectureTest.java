package org.clinicops.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinicops.platform.test.ArchitectureRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared rules on time and case conversion for the modules without an {@code ArchitectureTest}
 * of their own: the authorization server, the local stack, the demo simulator, the benchmarks, the
 * event contracts and the clock itself. Each module's compiled main classes ({@code
 * <module>/target/classes}) are imported from the repository: the reactor builds those modules before
 * this one, and a module built alone needs them compiled first.
 */
class ToolingArchitectureTest {

    /** The modules whose main classes these rules check. */
    static List<String> modules() {
        return List.of(
                "auth-server", "local-stack", "demo-simulator", "benchmarks", "event-contracts", "platform-clock");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void readsTheTimeOnlyThroughTheClinicClock(String module) {
        ArchitectureRules.NO_WALL_CLOCK_OUTSIDE_THE_CLOCK.check(mainClassesOf(module));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void convertsCaseOnlyWithAnExplicitLocale(String module) {
        ArchitectureRules.NO_DEFAULT_LOCALE_CASE_CONVERSION.check(mainClassesOf(module));
    }

    private static JavaClasses mainClassesOf(String module) {
        Path classes = repositoryRoot().resolve(module).resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " is missing: compile " + module
                    + " first (./mvnw verify from the repository root builds every module before platform-tests)");
        }
        JavaClasses imported = new ClassFileImporter().importPath(classes);
        if (imported.isEmpty()) {
            throw new IllegalStateException(classes + " holds no classes: compile " + module + " first");
        }
        return imported;
    }

    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the directory holding mvnw) from " + start);
    }
}
