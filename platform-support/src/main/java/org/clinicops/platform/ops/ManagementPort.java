package org.clinicops.platform.ops;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts metrics and health details on a management port of their own, the service port plus
 * {@value #OFFSET} (8082 gives 9082), so that the public port never serves them. It applies only
 * when {@code management.server.port} is not set: a service on a random port ({@code server.port=0},
 * as in tests) gets a random management port, never its own. The setting is the weakest of all, so
 * any configuration overrides it.
 */
public class ManagementPort implements EnvironmentPostProcessor {

    /** How far above the service port the management port is. */
    public static final int OFFSET = 1000;

    static final String SOURCE = "clinicopsManagementPort";
    private static final String MANAGEMENT_PORT = "management.server.port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE) || environment.containsProperty(MANAGEMENT_PORT)) {
            return;
        }
        Integer port = environment.getProperty("server.port", Integer.class);
        if (port == null || port < 0) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(SOURCE, Map.of(MANAGEMENT_PORT, managementPortFor(port))));
    }

    /** The management port of a service on this port: port + {@value #OFFSET}, or random for random. */
    public static int managementPortFor(int serverPort) {
        return serverPort == 0 ? 0 : serverPort + OFFSET;
    }
}
