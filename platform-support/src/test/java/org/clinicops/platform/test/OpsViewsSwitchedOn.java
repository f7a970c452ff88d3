package org.clinicops.platform.test;

import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A whole service as {@link ServiceIntegrationTest} starts it, with its ops views switched on. */
@ServiceIntegrationTest
@TestPropertySource(properties = "clinic.ops.views.enabled=true")
public abstract class OpsViewsSwitchedOn {

    @LocalManagementPort
    protected int management;

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    /** Every row of one of the service's views, read as the admin. */
    protected List<JsonNode> rows(String view) throws IOException, InterruptedException {
        return OpsViews.rows(management, view);
    }
}
