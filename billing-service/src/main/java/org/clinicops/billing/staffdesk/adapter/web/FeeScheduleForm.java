package org.clinicops.billing.staffdesk.adapter.web;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A site's fee schedule as posted by the fee schedule page: one entry per row in each list, in the
 * same order. Its rows ({@link FeeRow}) are checked one by one.
 */
record FeeScheduleForm(
        @Size(max = MAX_ROWS, message = "A schedule has at most {max} codes.") @Nullable
        List<String> code,

        @Nullable List<String> description,
        @Nullable List<String> unitPrice,
        @Nullable List<String> effectiveFrom,
        @Nullable List<String> effectiveTo) {

    /** Most rows a fee schedule may have (the API's limit). */
    static final int MAX_ROWS = 200;

    /** The rows, each value stripped (a list shorter than the codes gives empty values). */
    List<FeeRow> rows() {
        List<FeeRow> rows = new ArrayList<>();
        for (int n = 0; code != null && n < code.size(); n++) {
            rows.add(new FeeRow(
                    value(code, n),
                    value(description, n),
                    value(unitPrice, n),
                    value(effectiveFrom, n),
                    value(effectiveTo, n)));
        }
        return rows;
    }

    private static String value(@Nullable List<String> column, int n) {
        return column != null && n < column.size() && column.get(n) != null
                ? column.get(n).strip()
                : "";
    }
}
