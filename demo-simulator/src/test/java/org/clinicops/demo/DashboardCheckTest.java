package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DashboardCheckTest {

    @Test
    void replacesDashboardVariablesAndIntervalsSoPrometheusCanRunTheQuery() {
        assertThat(DashboardCheck.concrete(
                        "sum by (site) (rate(clinic_infusions_completed_total{site=~\"$site\"}[$__rate_interval]))"))
                .isEqualTo("sum by (site) (rate(clinic_infusions_completed_total{site=~\".*\"}[5m]))");
        assertThat(DashboardCheck.concrete("clinic_outbox_pending{application=\"${service}\"}"))
                .isEqualTo("clinic_outbox_pending{application=~\".*\"}");
    }

    @Test
    void findsAQueryInEveryPanelOfTheRepositoryDashboards() throws Exception {
        Path dir = Path.of("..", "deploy", "grafana", "dashboards");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("deploy", "grafana", "dashboards");
        }

        assertThat(DashboardCheck.queries(dir))
                .hasSizeGreaterThan(40)
                .allSatisfy(q -> assertThat(DashboardCheck.concrete(q.expr())).doesNotContain("$"));
    }

    @Test
    void runsAWindowedQueryOncePerWindowTheDashboardOffers() throws Exception {
        Path dir = Path.of("..", "deploy", "grafana", "dashboards");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("deploy", "grafana", "dashboards");
        }

        var safety = DashboardCheck.queries(dir).stream()
                .filter(q -> q.dashboard().equals("safety") && q.panel().startsWith("Adverse events per 100 infusions"))
                .toList();

        assertThat(safety)
                .extracting(DashboardCheck.Query::panel)
                .containsExactly(
                        "Adverse events per 100 infusions [30d]",
                        "Adverse events per 100 infusions [90d]",
                        "Adverse events per 100 infusions [all]");
        assertThat(safety.get(0).expr()).contains("window=\"30d\"").doesNotContain("$window");
    }

    @Test
    void countsTheSeriesThatShowActivityNotThoseAtZeroOrWithoutAValue() {
        var result = tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                        [{"metric": {"site": "bos"}, "value": [1765000000, "0"]},
                         {"metric": {"site": "den"}, "value": [1765000000, "NaN"]},
                         {"metric": {"site": "sea"}, "value": [1765000000, "0.25"]}]
                        """);

        assertThat(DashboardCheck.nonZero(result)).isEqualTo(1);
    }
}
