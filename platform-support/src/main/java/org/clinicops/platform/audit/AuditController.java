package org.clinicops.platform.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit}: the service's audit trail, newest first, for ADMIN only. */
@RestController
public class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    public Page<AuditRecord> search(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String patientId,
            @RequestParam(required = false) @Nullable String site,
            @RequestParam(required = false) AuditRecord.@Nullable Outcome outcome,
            @RequestParam(required = false) @Nullable String object,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            Pageable page) {
        return trail.search(new AuditTrail.Filter(actor, patientId, site, outcome, object, from, to), page);
    }
}
