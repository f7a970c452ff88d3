package org.clinicops.monitoring.register.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.events.ControlledSubstanceDiscrepancy.Kind;
import org.clinicops.monitoring.register.application.RegisterQueries.SiteRegister;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.EntryKind;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.clinicops.monitoring.register.domain.Product;
import org.clinicops.monitoring.register.domain.SessionAccount;
import org.jspecify.annotations.Nullable;

/** What the register's API answers: views of lots, entries, discrepancies and sessions, never documents. */
final class RegisterViews {

    private RegisterViews() {}

    record LotView(
            String lotId,
            String siteId,
            Product product,
            String ndc,
            String lotNumber,
            LocalDate expiresOn,
            @Nullable BigDecimal concentrationMgPerMl,
            @Nullable BigDecimal volumeMlPerUnit,
            BigDecimal mgPerUnit,
            @Schema(description = "vial or device") String unit,
            BigDecimal balanceMg,
            BigDecimal unitsOnHand,
            long entries) {

        static LotView of(LotLedger lot) {
            var d = lot.description();
            return new LotView(
                    lot.lotId(),
                    lot.siteId(),
                    d.product(),
                    d.ndc(),
                    d.lotNumber(),
                    d.expiresOn(),
                    d.concentrationMgPerMl(),
                    d.volumeMlPerUnit(),
                    d.mgPerUnit(),
                    d.product().unit(),
                    lot.balanceMg(),
                    lot.unitsOnHand(),
                    lot.seq());
        }
    }

    record EntryView(
            String entryId,
            String siteId,
            String lotId,
            long seq,
            EntryKind kind,
            BigDecimal mg,
            BigDecimal changeMg,
            BigDecimal balanceAfterMg,
            @Nullable Integer units,
            @Nullable String sessionId,
            @Nullable String patientId,
            @Nullable String witness,
            @Nullable String reason,
            @Nullable String supplier,
            @Nullable String invoiceRef,
            @Nullable BigDecimal expectedMg,
            @Nullable Long reversesSeq,
            @Nullable String discrepancyId,
            String recordedBy,
            Instant recordedAt) {

        static EntryView of(Entry e) {
            return new EntryView(
                    e.id(),
                    e.siteId(),
                    e.lotId(),
                    e.seq(),
                    e.kind(),
                    e.mg(),
                    e.changeMg(),
                    e.balanceAfterMg(),
                    e.units(),
                    e.sessionId(),
                    e.patientId(),
                    e.witness(),
                    e.reason(),
                    e.supplier(),
                    e.invoiceRef(),
                    e.expectedMg(),
                    e.reversesSeq(),
                    e.discrepancyId(),
                    e.recordedBy(),
                    e.recordedAt());
        }
    }

    record DiscrepancyView(
            String discrepancyId,
            String siteId,
            Kind kind,
            @Nullable String lotId,
            @Nullable String sessionId,
            @Nullable String patientId,
            BigDecimal expectedMg,
            BigDecimal countedMg,
            BigDecimal unaccountedMg,
            Instant detectedAt,
            Discrepancy.Status status,
            @Nullable String resolvedBy,
            @Nullable Instant resolvedAt,
            @Nullable String resolution,
            @Nullable String adjustmentEntryId) {

        static DiscrepancyView of(Discrepancy d) {
            return new DiscrepancyView(
                    d.id(),
                    d.siteId(),
                    d.kind(),
                    d.lotId(),
                    d.sessionId(),
                    d.patientId(),
                    d.expectedMg(),
                    d.countedMg(),
                    d.unaccountedMg(),
                    d.detectedAt(),
                    d.status(),
                    d.resolvedBy(),
                    d.resolvedAt(),
                    d.resolution(),
                    d.adjustmentEntryId());
        }
    }

    record SiteRegisterView(
            String siteId,
            LocalDate today,
            BigDecimal onHandMg,
            List<LotView> lots,
            List<EntryView> todaysEntries,
            List<DiscrepancyView> openDiscrepancies) {

        static SiteRegisterView of(SiteRegister r) {
            return new SiteRegisterView(
                    r.siteId(),
                    r.today(),
                    r.onHandMg(),
                    r.lots().stream().map(LotView::of).toList(),
                    r.todaysEntries().stream().map(EntryView::of).toList(),
                    r.openDiscrepancies().stream().map(DiscrepancyView::of).toList());
        }
    }

    record SessionAccountView(
            String sessionId,
            BigDecimal drawnMg,
            @Nullable BigDecimal administeredMg,
            BigDecimal wastedMg,
            BigDecimal unaccountedMg,
            boolean ended,
            boolean reconciled,

            @Schema(description = "per lot drawn from, in the order drawn")
            List<LotPart> lots) {}

    /** What a session drew from one lot, and what of it was given (allocated) and wasted. */
    record LotPart(String lotId, BigDecimal drawnMg, BigDecimal administeredMg, BigDecimal wastedMg) {}

    static SessionAccountView of(SessionAccount a, BigDecimal tolerance) {
        BigDecimal zero = BigDecimal.ZERO.setScale(3);
        return new SessionAccountView(
                a.sessionId(),
                a.drawnMg(),
                a.administeredMg(),
                a.wastedMg(),
                a.unaccountedMg(),
                a.administeredMg() != null,
                a.reconciled(tolerance),
                a.drawnByLot().entrySet().stream()
                        .map(e -> new LotPart(
                                e.getKey(),
                                e.getValue(),
                                a.administeredByLot().getOrDefault(e.getKey(), zero),
                                a.wastedByLot().getOrDefault(e.getKey(), zero)))
                        .toList());
    }
}
