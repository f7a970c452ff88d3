package org.clinicops.bench.booking;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Writes existing infusion sessions straight into the scheduling store, in the shape the service
 * stores them: the appointment (cloned from one the service itself wrote, so every field and type
 * matches), its reservation cells ({@code _id} = {@code resource@cell}), its holds, and its entries
 * in the day buckets (site bucket for chair and nurse capacity cells, patient bucket for the
 * patient's cells; named as
 * {@code DayBuckets} in scheduling-service names them). Bulk inserts in batches.
 */
final class StoreSeeder implements AutoCloseable {

    private static final int BATCH = 2_000;
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoDatabase db;
    private final Document template;
    private final String siteId;
    private final List<String> chairIds;
    private final Duration grid;
    private final int cellsPerSession;
    private final Instant now;

    private final List<Document> appointments = new ArrayList<>();
    private final List<Document> cells = new ArrayList<>();
    private final List<Document> holds = new ArrayList<>();
    private final List<Document> patientBuckets = new ArrayList<>();
    private final Map<String, List<Document>> siteBuckets = new LinkedHashMap<>();
    private long written;

    /**
     * @param template an infusion appointment document the service wrote (any site)
     * @param grid the grid cell; a session holds {@code cellsPerSession} of them
     */
    StoreSeeder(
            MongoDatabase db,
            Document template,
            String siteId,
            List<String> chairIds,
            Duration grid,
            int cellsPerSession,
            Instant now) {
        this.db = db;
        this.template = template;
        this.siteId = siteId;
        this.chairIds = List.copyOf(chairIds);
        this.grid = grid;
        this.cellsPerSession = cellsPerSession;
        this.now = now;
    }

    void add(SiteHistory.Placement p) {
        String planId = "hplan-" + siteId + "-" + p.n();
        String patientId = "hp-" + siteId + "-" + p.n();
        int sessionNumber = p.n() % 6 + 1;
        String appointmentId = "apt_s_" + planId + "_" + sessionNumber;
        String chairId = chairIds.get(p.chair());
        Instant bookedAt = p.start().minus(Duration.ofDays(14)).isBefore(now)
                ? p.start().minus(Duration.ofDays(14))
                : now.minus(Duration.ofDays(1));

        List<String> held = new ArrayList<>();
        if (p.holdsCells()) {
            List<String> chairCells = new ArrayList<>();
            for (int i = 0; i < cellsPerSession; i++) {
                Instant cell = p.start().plus(grid.multipliedBy(i));
                String patient = "patient:" + patientId;
                String token = "nurse-capacity:" + siteId + "#" + p.chair();
                String chair = "chair:" + siteId + "/" + chairId;
                held.add(cell(patient, cell, appointmentId, bookedAt));
                held.add(cell(token, cell, appointmentId, bookedAt));
                chairCells.add(cell(chair, cell, appointmentId, bookedAt));
                bucket("site:" + siteId, cell, token, appointmentId);
                bucket("site:" + siteId, cell, chair, appointmentId);
            }
            held.addAll(chairCells);
            List<Document> entries = new ArrayList<>();
            for (int i = 0; i < cellsPerSession; i++) {
                Instant cell = p.start().plus(grid.multipliedBy(i));
                entries.add(entry("patient:" + patientId, cell, appointmentId));
            }
            LocalDate day = LocalDate.ofInstant(p.start(), ZoneOffset.UTC);
            patientBuckets.add(new Document("_id", "patient:" + patientId + "|" + day)
                    .append("cells", entries)
                    .append("scope", "patient:" + patientId)
                    .append("day", Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        holds.add(new Document("_id", appointmentId).append("cells", held).append("siteId", siteId));
        appointments.add(appointment(p, appointmentId, planId, patientId, chairId, sessionNumber, held, bookedAt));
        if (appointments.size() >= BATCH) {
            flush();
        }
    }

    private Document appointment(
            SiteHistory.Placement p,
            String appointmentId,
            String planId,
            String patientId,
            String chairId,
            int sessionNumber,
            List<String> held,
            Instant bookedAt) {
        Document a = new Document(template);
        Document plan = new Document(template.get("plan", Document.class));
        plan.put("planId", planId);
        int minutes = plan.getInteger("infusionMinutes", 40) + plan.getInteger("observationMinutes", 80);
        a.put("_id", appointmentId);
        a.put("patientId", patientId);
        a.put("siteId", siteId);
        a.put("chairId", chairId);
        a.put("plan", plan);
        a.put("sessionNumber", sessionNumber);
        a.put("sessionsTotal", 6);
        a.put("startsAt", Date.from(p.start()));
        a.put("endsAt", Date.from(p.start().plus(Duration.ofMinutes(minutes))));
        a.put("status", p.status().name());
        a.put("late", false);
        a.put("reservationIds", held);
        a.put("holdReleased", false);
        a.put("outbox", new ArrayList<>());
        a.remove("cancelReason");
        a.remove("startedAt");
        a.remove("completedAt");
        a.remove("outcome");
        Instant updated = bookedAt;
        switch (p.status()) {
            case COMPLETED -> {
                Instant done = p.start().plus(Duration.ofMinutes(minutes));
                a.put("startedAt", Date.from(p.start()));
                a.put("completedAt", Date.from(done));
                a.put(
                        "outcome",
                        new Document("doseMg", plan.get("doseMg"))
                                .append("infusionMinutes", plan.getInteger("infusionMinutes", 40))
                                .append("observationMinutes", plan.getInteger("observationMinutes", 80))
                                .append("dischargedWithEscort", true));
                updated = done;
            }
            case CANCELLED -> {
                a.put("cancelReason", "PATIENT_REQUEST");
                updated = p.start().minus(Duration.ofDays(2));
            }
            case NO_SHOW -> updated = p.start().plus(Duration.ofMinutes(30));
            case SCHEDULED -> {}
        }
        a.put("updatedAt", Date.from(updated));
        if (a.containsKey("version")) {
            a.put("version", p.status() == SiteHistory.Status.SCHEDULED ? 0L : 3L);
        }
        return a;
    }

    private String cell(String resource, Instant cell, String appointmentId, Instant createdAt) {
        String id = resource + "@" + cell;
        cells.add(new Document("_id", id)
                .append("resource", resource)
                .append("siteId", siteId)
                .append("cell", Date.from(cell))
                .append("appointmentId", appointmentId)
                .append("createdAt", Date.from(createdAt)));
        return id;
    }

    private static Document entry(String resource, Instant cell, String appointmentId) {
        return new Document("c", resource + "@" + cell).append("a", appointmentId);
    }

    private void bucket(String scope, Instant cell, String resource, String appointmentId) {
        String id = scope + "|" + LocalDate.ofInstant(cell, ZoneOffset.UTC);
        siteBuckets.computeIfAbsent(id, k -> new ArrayList<>()).add(entry(resource, cell, appointmentId));
    }

    /** Appointments written so far. */
    long written() {
        return written;
    }

    void flush() {
        insert("appointments", appointments);
        insert("reservations", cells);
        insert("reservation_holds", holds);
        insert("reservation_days", patientBuckets);
        List<WriteModel<Document>> updates = new ArrayList<>();
        siteBuckets.forEach((id, entries) -> {
            String day = id.substring(id.lastIndexOf('|') + 1);
            updates.add(new UpdateOneModel<>(
                    new Document("_id", id),
                    new Document("$push", new Document("cells", new Document("$each", entries)))
                            .append(
                                    "$setOnInsert",
                                    new Document("scope", id.substring(0, id.lastIndexOf('|')))
                                            .append(
                                                    "day",
                                                    Date.from(LocalDate.parse(day)
                                                            .atStartOfDay(ZoneOffset.UTC)
                                                            .toInstant()))),
                    new UpdateOptions().upsert(true)));
        });
        if (!updates.isEmpty()) {
            db.getCollection("reservation_days").bulkWrite(updates, new BulkWriteOptions().ordered(false));
        }
        siteBuckets.clear();
    }

    private void insert(String collection, List<Document> docs) {
        if (docs.isEmpty()) {
            return;
        }
        if (collection.equals("appointments")) {
            written += docs.size();
        }
        for (int i = 0; i < docs.size(); i += 5_000) {
            db.getCollection(collection).insertMany(docs.subList(i, Math.min(i + 5_000, docs.size())), UNORDERED);
        }
        docs.clear();
    }

    @Override
    public void close() {
        flush();
    }
}
