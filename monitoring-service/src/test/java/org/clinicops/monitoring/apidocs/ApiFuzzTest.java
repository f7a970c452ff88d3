package org.clinicops.monitoring.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.api.ApiFuzz;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Hostile requests on every operation of the service (issue 17): random, malformed, oversized and
 * wrong-typed bodies and parameters, with a valid ADMIN token, an invalid one and none. No answer is
 * a 5xx, every 4xx is a problem detail, and a refused request leaves MongoDB as it was. Replay a run
 * with {@code -Dapi.fuzz.seed=<seed>}; lengthen it with {@code -Dapi.fuzz.requests=<n>}.
 */
@ServiceIntegrationTest
class ApiFuzzTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void noHostileRequestBreaksTheMonitoringApi() {
        ApiFuzz.Report report =
                ApiFuzz.against(port).store(mongo).seed(20261206L).requests(350).run();
        System.out.println("monitoring-service API fuzz: " + report);

        report.assertNoFailures();
        assertThat(report.statuses()).containsKeys("2xx", "4xx");
    }
}
