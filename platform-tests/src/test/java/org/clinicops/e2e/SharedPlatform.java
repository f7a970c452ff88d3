package org.clinicops.e2e;

import java.time.LocalTime;
import java.time.ZoneId;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link PlatformUnderTest} for every end-to-end test class of a run that asks for it
 * ({@code @ExtendWith(SharedPlatform.class)} and a {@code PlatformUnderTest} parameter, e.g. of a
 * {@code @BeforeAll} method): started by the first class that needs it, kept in the root context's
 * store and closed by JUnit when the run ends (the store closes {@link AutoCloseable} values). The
 * whole platform takes minutes to start; each class still creates its own site and patients, so the
 * classes stay independent of each other and of their order. A platform that did not start fails
 * every class that asks for it with the first failure, without starting it again.
 *
 * <p>The platform runs from a weekday 09:00 in Boston ({@link #ZONE}), inside a site's default
 * opening hours (Monday to Friday 08:00-18:00), so a class that creates its site in that zone books
 * consultations and first infusions that same day. A test that kills processes or takes a store
 * away (ChaosIT, MongoOutageEndToEndIT) starts a platform of its own instead.
 */
final class SharedPlatform implements ParameterResolver {

    /** The zone of the platform's start time: sites of the tests that share it are in this zone. */
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PlatformUnderTest.class;
    }

    @Override
    public PlatformUnderTest resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.start(), Started.class)
                .platform();
    }

    /**
     * The platform, or why it did not start: a second class is told at once instead of spending
     * minutes on the same failure.
     */
    private record Started(
            @Nullable PlatformUnderTest running, @Nullable RuntimeException failure) implements AutoCloseable {

        static Started start() {
            PlatformUnderTest platform =
                    new PlatformUnderTest(TestClock.startingAt(TestInstants.weekdayAt(LocalTime.of(9, 0), ZONE)));
            try {
                return new Started(platform.start(), null);
            } catch (RuntimeException e) {
                platform.close(); // stops what did start
                return new Started(null, e);
            }
        }

        PlatformUnderTest platform() {
            if (running == null) {
                throw new IllegalStateException("the shared platform did not start", failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
