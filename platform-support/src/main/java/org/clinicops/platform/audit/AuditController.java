package org.clinicops.platform.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
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

    /** The longest actor, patient id or site a search takes. */
    static final int MAX_CRITERION = 64;

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Operation(
            summary = "Search the audit trail (ADMIN)",
            description = "Entries matching every given criterion, newest first; a patient matches entries of"
                    + " single reads and of list reads that carried the patient.")
    @GetMapping("/api/audit")
    public Page<AuditRecord> search(
            @RequestParam(required = false) @Size(max = MAX_CRITERION) @Nullable String actor,
            @RequestParam(required = false) @Size(max = MAX_CRITERION) @Nullable String patientId,
            @RequestParam(required = false) @Size(max = MAX_CRITERION) @Nullable String site,
            @RequestParam(required = false) AuditRecord.@Nullable Outcome outcome,
            @RequestParam(required = false) @Size(max = 200) @Nullable String object,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            Pageable page) {
        return trail.search(new AuditTrail.Filter(actor, patientId, site, outcome, object, from, to), page);
    }
}
