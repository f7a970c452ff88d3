package org.clinicops.platform.test;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts a {@link TestClock} into every Spring test context of the platform as its {@link Clock} bean
 * (registered in this test-jar's {@code META-INF/spring.factories}), so the service's own clock bean
 * backs off and a test can {@code @Autowired TestClock clock} to choose its instant. A test defines
 * no clock bean of its own.
 */
public final class TestClockContextCustomizerFactory implements ContextCustomizerFactory {

    /** The bean name of the test clock. */
    public static final String BEAN_NAME = "clinicTestClock";

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry
                    && !registry.containsBeanDefinition(BEAN_NAME)) {
                var definition = new RootBeanDefinition(TestClock.class, TestClock::new);
                registry.registerBeanDefinition(BEAN_NAME, definition);
            }
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
