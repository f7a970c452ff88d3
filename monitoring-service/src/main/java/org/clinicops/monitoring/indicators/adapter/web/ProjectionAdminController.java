package org.clinicops.monitoring.indicators.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicops.monitoring.indicators.application.RebuildProjections;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the indicator projections. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final RebuildProjections rebuild;

    ProjectionAdminController(RebuildProjections rebuild) {
        this.rebuild = rebuild;
    }

    record RebuildResponse(
            long eventsRead, long newFacts, long facts, double seconds, double saveSeconds, double eventsPerSecond) {}

    /** Rebuilds the projections from the beginning of every clinic topic. */
    @Operation(summary = "Rebuild the indicator projection from every clinic topic (ADMIN)")
    @PostMapping("/rebuild")
    RebuildResponse rebuild() {
        var rebuilt = rebuild.handle();
        return new RebuildResponse(
                rebuilt.eventsRead(),
                rebuilt.newFacts(),
                rebuilt.facts(),
                Math.round(rebuilt.seconds() * 1000) / 1000.0,
                Math.round(rebuilt.saveSeconds() * 1000) / 1000.0,
                Math.round(rebuilt.eventsPerSecond()));
    }
}
