package org.clinicops.monitoring.register.adapter.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinicops.monitoring.register.application.RegisterReports.DispensingLog;
import org.clinicops.monitoring.register.application.RegisterReports.DispensingRow;
import org.clinicops.monitoring.register.application.RegisterReports.Inventory;
import org.clinicops.monitoring.register.application.RegisterReports.InventoryRow;
import org.clinicops.platform.pdf.PdfPages;
import org.jspecify.annotations.Nullable;

/**
 * The register's reports as CSV (RFC 4180, a header line, UTF-8) and as PDF (landscape Letter, a
 * title, the table, totals), the same rows in both. Times are the site's local time.
 */
final class ReportDocuments {

    /** Landscape Letter: the register's tables are wide. */
    private static final PdfPages.Layout LAYOUT = new PdfPages.Layout(PdfPages.LETTER_LANDSCAPE, 36, 12, 7);

    static final List<String> DISPENSING_COLUMNS = List.of(
            "date",
            "entry",
            "kind",
            "lot",
            "ndc",
            "patient",
            "received_mg",
            "drawn_mg",
            "administered_mg",
            "wasted_mg",
            "adjusted_mg",
            "witness",
            "recorded_by",
            "balance_after_mg");

    static final List<String> INVENTORY_COLUMNS = List.of(
            "lot_id",
            "product",
            "ndc",
            "lot",
            "expires",
            "expired",
            "mg_per_unit",
            "expected_mg",
            "units_on_hand",
            "counted_at",
            "counted_mg",
            "expected_at_count_mg",
            "unaccounted_at_count_mg");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReportDocuments() {}

    static List<List<String>> rows(DispensingLog log) {
        List<List<String>> rows = new ArrayList<>();
        for (DispensingRow r : log.rows()) {
            rows.add(List.of(
                    TIME.format(r.at()),
                    r.entryId(),
                    r.kind().name(),
                    r.lotNumber(),
                    r.ndc(),
                    text(r.patientId()),
                    mg(r.receivedMg()),
                    mg(r.drawnMg()),
                    mg(r.administeredMg()),
                    mg(r.wastedMg()),
                    mg(r.adjustedMg()),
                    text(r.witness()),
                    r.recordedBy(),
                    mg(r.balanceAfterMg())));
        }
        return rows;
    }

    static List<List<String>> rows(Inventory inventory) {
        List<List<String>> rows = new ArrayList<>();
        for (InventoryRow r : inventory.rows()) {
            rows.add(List.of(
                    r.lotId(),
                    r.product(),
                    r.ndc(),
                    r.lotNumber(),
                    r.expiresOn().toString(),
                    r.expired() ? "yes" : "no",
                    mg(r.mgPerUnit()),
                    mg(r.expectedMg()),
                    r.unitsOnHand().toPlainString(),
                    r.countedAt() == null ? "" : TIME.format(r.countedAt()),
                    mg(r.countedMg()),
                    mg(r.expectedAtCountMg()),
                    mg(r.unaccountedAtCountMg())));
        }
        return rows;
    }

    static byte[] csv(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] dispensingPdf(DispensingLog log) {
        List<String> totals = log.totals().stream().map(ReportDocuments::mg).toList();
        return pdf(
                "Controlled substance dispensing log - site " + log.siteId(),
                List.of(
                        "Period " + log.from() + " to " + log.to() + " ("
                                + log.zone().getId() + "), produced " + log.producedAt()
                                + " from the register alone (21 CFR 1304).",
                        "Totals: received " + totals.get(0) + " mg, drawn " + totals.get(1) + " mg, administered "
                                + totals.get(2) + " mg, wasted " + totals.get(3) + " mg, adjusted " + totals.get(4)
                                + " mg; " + log.rows().size() + " entries."),
                List.of(
                        "date", "entry", "kind", "lot", "patient", "recv", "drawn", "given", "wasted", "adj", "witness",
                        "by", "balance"),
                rows(log).stream()
                        .map(r -> List.of(
                                r.get(0), r.get(1), r.get(2), r.get(3), r.get(5), r.get(6), r.get(7), r.get(8),
                                r.get(9), r.get(10), r.get(11), r.get(12), r.get(13)))
                        .toList(),
                new float[] {0, 70, 165, 240, 290, 370, 410, 450, 490, 530, 565, 625, 685});
    }

    static byte[] inventoryPdf(Inventory inventory) {
        return pdf(
                "Controlled substance inventory - site " + inventory.siteId(),
                List.of(
                        "Produced " + inventory.producedAt() + " ("
                                + inventory.zone().getId()
                                + ") from the register alone: every lot on hand, expected (the running balance)"
                                + " and its last count (21 CFR 1304.11).",
                        inventory.rows().size() + " lots."),
                List.of(
                        "lot id",
                        "product",
                        "ndc",
                        "lot",
                        "expires",
                        "exp.",
                        "mg/unit",
                        "expected",
                        "units",
                        "counted at",
                        "counted",
                        "exp. then",
                        "missing"),
                rows(inventory),
                new float[] {0, 95, 200, 265, 320, 380, 405, 445, 500, 535, 610, 655, 700});
    }

    private static byte[] pdf(
            String title, List<String> notes, List<String> header, List<List<String>> rows, float[] columns) {
        return PdfPages.document(title, LAYOUT, pages -> {
            pages.text(title, 13, true);
            for (String note : notes) {
                pages.text(note, 8, false);
            }
            pages.gap();
            pages.row(columns, header, true);
            for (List<String> row : rows) {
                pages.row(columns, row, false);
            }
        });
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }

    private static String mg(@Nullable BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
