package org.clinicops.platform.web;

import java.util.Set;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The management port (the service port + 1000, a server of its own) refuses like the service's:
 * with problem details. Its Tomcat gets the same error report valve, and every error there is left to
 * that valve: Boot's management error endpoint would answer {@code {"timestamp":…,"path":…}}. The
 * actuator endpoints' own answers are untouched.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Tomcat.class)
class ManagementProblemsConfiguration {

    @Bean
    ProblemErrorReports managementProblemErrorReports() {
        return new ProblemErrorReports();
    }

    @Bean
    ValveAnswersErrors managementValveAnswersErrors() {
        return new ValveAnswersErrors();
    }

    /** Removes the management error page, after Boot's customizer (order 10) added it. */
    static final class ValveAnswersErrors
            implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableServletWebServerFactory factory) {
            factory.setErrorPages(Set.of());
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
