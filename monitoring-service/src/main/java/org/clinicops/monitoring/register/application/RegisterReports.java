package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.clinicops.monitoring.indicators.application.SiteTimeZones;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.EntryKind;
import org.clinicops.monitoring.register.domain.LotDescription;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.clinicops.monitoring.register.domain.Quantities;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The register's reports, produced from the register alone (its entries and lots): the dispensing
 * log of a site over a date range, and the inventory (every lot on hand, counted and expected), the
 * figures of the biennial inventory of 21 CFR 1304.11.
 */
@Service
public class RegisterReports {

    /** The longest range of one dispensing log: records are kept two years (21 CFR 1304.04). */
    static final int MAX_DAYS = 800;

    private final LedgerStore store;
    private final SiteTimeZones zones;
    private final Clock clock;

    RegisterReports(LedgerStore store, SiteTimeZones zones, Clock clock) {
        this.store = store;
        this.zones = zones;
        this.clock = clock;
    }

    /**
     * One row per entry that moved or accounted for drug, in the order recorded (counts are in the
     * inventory). A reversal shows in the column of the entry it reverses, negative.
     */
    public DispensingLog dispensingLog(String siteId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidRequestException("to", "a log covers at most " + MAX_DAYS + " days");
        }
        ZoneId zone = zones.zoneOf(siteId);
        List<Entry> entries = store.entriesOfSite(
                siteId,
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<String, LotDescription> lots = new HashMap<>();
        List<DispensingRow> rows = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() == EntryKind.COUNT) {
                continue;
            }
            LotDescription lot = lots.computeIfAbsent(
                    e.lotId(), id -> store.lot(id).map(LotLedger::description).orElseThrow());
            EntryKind column = e.kind();
            BigDecimal mg = e.mg();
            if (e.kind() == EntryKind.REVERSAL && e.reversesSeq() != null) {
                Entry original =
                        store.entry(Entry.idOf(e.lotId(), e.reversesSeq())).orElseThrow();
                column = original.kind();
                mg = mg.negate();
            }
            rows.add(new DispensingRow(
                    LocalDateTime.ofInstant(e.recordedAt(), zone),
                    e.id(),
                    e.kind(),
                    e.lotId(),
                    lot.lotNumber(),
                    lot.ndc(),
                    e.patientId(),
                    column == EntryKind.RECEIPT ? mg : null,
                    column == EntryKind.DRAW ? mg : null,
                    column == EntryKind.ADMINISTERED ? mg : null,
                    column == EntryKind.WASTE || column == EntryKind.STOCK_WASTE ? mg : null,
                    column == EntryKind.ADJUSTMENT ? e.changeMg() : null,
                    e.witness(),
                    e.recordedBy(),
                    e.balanceAfterMg()));
        }
        return new DispensingLog(siteId, zone, from, to, clock.instant(), rows);
    }

    /** Every lot of the site with stock or a count, expected (the balance) beside counted (the last count). */
    public Inventory inventory(String siteId) {
        ZoneId zone = zones.zoneOf(siteId);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<InventoryRow> rows = new ArrayList<>();
        List<LotLedger> lots = new ArrayList<>(store.lotsOfSite(siteId));
        lots.sort(Comparator.comparing((LotLedger l) -> l.description().expiresOn())
                .thenComparing(LotLedger::lotId));
        for (LotLedger lot : lots) {
            if (lot.balanceMg().signum() == 0 && lot.lastCountedMg() == null) {
                continue;
            }
            Entry lastCount = store.entriesOfLot(lot.lotId()).stream()
                    .filter(e -> e.kind() == EntryKind.COUNT)
                    .reduce((a, b) -> b)
                    .orElse(null);
            LotDescription d = lot.description();
            rows.add(new InventoryRow(
                    lot.lotId(),
                    d.product().name(),
                    d.ndc(),
                    d.lotNumber(),
                    d.expiresOn(),
                    d.expiredOn(today),
                    d.mgPerUnit(),
                    lot.balanceMg(),
                    lot.unitsOnHand(),
                    lastCount == null ? null : LocalDateTime.ofInstant(lastCount.recordedAt(), zone),
                    lastCount == null ? null : lastCount.mg(),
                    lastCount == null ? null : lastCount.expectedMg(),
                    lastCount == null ? null : lastCount.unaccountedMg()));
        }
        return new Inventory(siteId, zone, now, rows);
    }

    /** A dispensing log. */
    public record DispensingLog(
            String siteId, ZoneId zone, LocalDate from, LocalDate to, Instant producedAt, List<DispensingRow> rows) {

        /** The column totals: received, drawn, administered, wasted, adjusted. */
        public List<BigDecimal> totals() {
            return List.of(
                    total(DispensingRow::receivedMg),
                    total(DispensingRow::drawnMg),
                    total(DispensingRow::administeredMg),
                    total(DispensingRow::wastedMg),
                    total(DispensingRow::adjustedMg));
        }

        private BigDecimal total(Function<DispensingRow, @Nullable BigDecimal> column) {
            return Quantities.mg(
                    rows.stream().map(column).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    /** A line of the dispensing log; the columns that do not apply are null. */
    public record DispensingRow(
            LocalDateTime at,
            String entryId,
            EntryKind kind,
            String lotId,
            String lotNumber,
            String ndc,
            @Nullable String patientId,
            @Nullable BigDecimal receivedMg,
            @Nullable BigDecimal drawnMg,
            @Nullable BigDecimal administeredMg,
            @Nullable BigDecimal wastedMg,
            @Nullable BigDecimal adjustedMg,
            @Nullable String witness,
            String recordedBy,
            BigDecimal balanceAfterMg) {}

    /** The inventory of a site. */
    public record Inventory(String siteId, ZoneId zone, Instant producedAt, List<InventoryRow> rows) {}

    /** A lot in the inventory: expected (its balance now) and its last count (counted, expected then). */
    public record InventoryRow(
            String lotId,
            String product,
            String ndc,
            String lotNumber,
            LocalDate expiresOn,
            boolean expired,
            BigDecimal mgPerUnit,
            BigDecimal expectedMg,
            BigDecimal unitsOnHand,
            @Nullable LocalDateTime countedAt,
            @Nullable BigDecimal countedMg,
            @Nullable BigDecimal expectedAtCountMg,
            @Nullable BigDecimal unaccountedAtCountMg) {}
}
