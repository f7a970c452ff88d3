package org.clinicops.platform.web;

import java.util.Arrays;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} on the host of a Tomcat server (the service's and the
 * management port's) in place of Tomcat's HTML error report. Ordered last: Boot's own customizer adds
 * a plain {@link ErrorReportValve} to the host, which this one then replaces.
 */
final class ProblemErrorReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(ProblemErrorReports::install);
    }

    static void install(Context context) {
        Container host = context.getParent();
        if (host instanceof StandardHost standard) {
            // the host adds a valve of this class when it starts unless it has one already
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                pipeline.removeValve(valve);
            }
        }
        if (Arrays.stream(pipeline.getValves()).noneMatch(ProblemErrorReportValve.class::isInstance)) {
            pipeline.addValve(new ProblemErrorReportValve());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
