package org.clinicops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * In the context a service's other integration tests share, where nothing switches them on, the
 * ops views are not served, not even to the admin.
 */
@ServiceIntegrationTest
public abstract class OpsViewsOffByDefault {

    @LocalManagementPort
    int management;

    /** A view the service offers when they are on. */
    protected abstract String view();

    @Test
    void the_ops_views_are_not_served() throws Exception {
        assertThat(OpsViews.get(management, "/actuator/opsviews", TestTokens.admin())
                        .statusCode())
                .isEqualTo(404);
        assertThat(OpsViews.get(management, "/actuator/opsviews/" + view(), TestTokens.admin())
                        .statusCode())
                .isEqualTo(404);
    }
}
