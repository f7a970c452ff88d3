package org.clinicops.bench.booking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.bench.Platform;
import org.clinicops.bench.SideStack;
import tools.jackson.databind.JsonNode;

/**
 * Seeds a benchmark site's existing infusion sessions through scheduling-service's own history
 * import ({@code POST /api/admin/history-import}, as the admin), in batches: the
 * service builds the appointments, their cells and their day occupancy with its booking code, so
 * this class knows nothing of how scheduling stores them. The service must be started with {@link
 * #SERVICE_PROPERTIES}.
 */
final class HistoryImport implements AutoCloseable {

    /** Switches the import on (it is off by default). */
    static final List<String> SERVICE_PROPERTIES = List.of("--clinic.scheduling.history-import.enabled=true");

    static final int BATCH = 2_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Platform platform;
    private final SideStack stack;
    private final String siteId;
    private final List<String> chairIds;
    private final int infusionMinutes;
    private final int observationMinutes;
    private final List<Map<String, Object>> pending = new ArrayList<>();
    private long imported;
    private long refused;
    private long inStore;
    private boolean sent;

    HistoryImport(
            Platform platform,
            SideStack stack,
            String siteId,
            List<String> chairIds,
            int infusionMinutes,
            int observationMinutes) {
        this.platform = platform;
        this.stack = stack;
        this.siteId = siteId;
        this.chairIds = List.copyOf(chairIds);
        this.infusionMinutes = infusionMinutes;
        this.observationMinutes = observationMinutes;
    }

    void add(SiteHistory.Placement p) {
        pending.add(session(p, chairIds));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** One session of the import's request: its number, chair, start and outcome. */
    static Map<String, Object> session(SiteHistory.Placement p, List<String> chairIds) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("n", p.n());
        session.put("chairId", chairIds.get(p.chair()));
        session.put("startsAt", p.start().toString());
        session.put("outcome", p.status().name());
        return session;
    }

    /** Sessions the service stored. */
    long imported() {
        return imported;
    }

    /** Sessions the service refused because their time was taken. */
    long refused() {
        return refused;
    }

    /** Appointments in the service's store after the last batch. */
    long inStore() {
        return inStore;
    }

    /** Sends the sessions not sent yet (at least once, so that {@link #inStore} is known). */
    void flush() {
        if (pending.isEmpty() && sent) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteId", siteId);
        body.put("infusionMinutes", infusionMinutes);
        body.put("observationMinutes", observationMinutes);
        body.put("sessions", pending);
        try {
            HttpResponse<String> response =
                    BookingScale.postAsAdmin(platform, stack, "/api/admin/history-import", body, TIMEOUT);
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the history import of " + siteId + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            JsonNode result = Platform.JSON.readTree(response.body());
            imported += result.path("imported").asLong()
                    + result.path("alreadyImported").asLong();
            refused += result.path("refused").asLong();
            inStore = result.path("appointmentsInStore").asLong();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing the history of " + siteId, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot import the history of " + siteId + ": " + e, e);
        }
        pending.clear();
        sent = true;
    }

    @Override
    public void close() {
        flush();
    }
}
