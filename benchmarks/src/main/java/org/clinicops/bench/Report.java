package org.clinicops.bench;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.clock.ClinicClock;

/**
 * What a scenario measured: tables for people, figures (a flat name → value map) for machines, and
 * each target of the issue with whether this run met it. Printed as text and written as JSON.
 */
public final class Report {

    /** A table with a title, its column headings and its rows. */
    public record Table(String title, List<String> columns, List<List<Object>> rows) {

        public Table row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(
                        "a row of " + title + " needs " + columns.size() + " cells, got " + cells.length);
            }
            rows.add(Arrays.asList(cells));
            return this;
        }
    }

    /** A target of the issue, the figure this run reached, and whether it meets the target. */
    public record Target(String target, String achieved, boolean met) {}

    private final String scenario;
    private final Instant at = ClinicClock.ofThisRun().instant();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String scenario) {
        this.scenario = scenario;
    }

    public String scenario() {
        return scenario;
    }

    public Table table(String title, String... columns) {
        Table table = new Table(title, List.of(columns), new ArrayList<>());
        tables.add(table);
        return table;
    }

    public Report figure(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    public Map<String, Object> figures() {
        return figures;
    }

    public Report target(String target, String achieved, boolean met) {
        targets.add(new Target(target, achieved, met));
        return this;
    }

    public List<Target> targets() {
        return targets;
    }

    public Report note(String note) {
        notes.add(note);
        return this;
    }

    /** Rounds to {@code digits} decimals for tables and JSON (figures are never compared exactly). */
    public static BigDecimal round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
    }

    public void print(PrintStream out) {
        out.println();
        out.println("== " + scenario + " ==");
        for (Table table : tables) {
            out.println();
            out.println(table.title());
            printTable(out, table.columns(), table.rows());
        }
        if (!targets.isEmpty()) {
            out.println();
            List<List<Object>> rows = new ArrayList<>();
            for (Target t : targets) {
                rows.add(List.of(t.target(), t.achieved(), t.met() ? "met" : "MISSED"));
            }
            printTable(out, List.of("target", "this run", ""), rows);
        }
        for (String note : notes) {
            out.println("note: " + note);
        }
    }

    private static void printTable(PrintStream out, List<String> columns, List<List<Object>> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<Object> row : rows) {
                widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            line.append(pad(columns.get(i), widths[i], i > 0)).append("  ");
        }
        out.println(line.toString().stripTrailing());
        for (List<Object> row : rows) {
            line.setLength(0);
            for (int i = 0; i < widths.length; i++) {
                Object cell = row.get(i);
                line.append(pad(String.valueOf(cell), widths[i], cell instanceof Number))
                        .append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }

    /** The report as a JSON-ready tree. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario);
        json.put("at", at.toString());
        json.put("figures", figures);
        List<Map<String, Object>> tableJson = new ArrayList<>();
        for (Table table : tables) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                Map<String, Object> r = new LinkedHashMap<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    r.put(table.columns().get(i), row.get(i));
                }
                rows.add(r);
            }
            tableJson.add(Map.of("title", table.title(), "rows", rows));
        }
        json.put("tables", tableJson);
        json.put("targets", targets);
        json.put("notes", notes);
        return json;
    }
}
