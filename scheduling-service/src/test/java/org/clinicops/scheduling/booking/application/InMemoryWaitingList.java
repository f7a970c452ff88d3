package org.clinicops.scheduling.booking.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinicops.platform.paging.PageRequest;
import org.jspecify.annotations.Nullable;

/** The waiting list in memory, with the real one's order and its add-or-update-the-reason. */
final class InMemoryWaitingList implements WaitingList {

    private final Map<String, WaitingEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized void add(WaitingEntry entry) {
        WaitingEntry known = entries.get(entry.id());
        if (known == null) {
            entries.put(entry.id(), entry);
            return;
        }
        entries.put(
                entry.id(),
                new WaitingEntry(
                        known.id(),
                        known.kind(),
                        known.siteId(),
                        known.patientId(),
                        known.urgent(),
                        known.requestedAt(),
                        known.waitingSince(),
                        entry.reason(),
                        known.requestId(),
                        known.planId(),
                        known.protocol(),
                        known.route(),
                        known.sessions(),
                        known.minSpacingDays(),
                        known.maxSpacingDays(),
                        known.weekdaysOnly(),
                        known.infusionMinutes(),
                        known.observationMinutes(),
                        known.doseMg(),
                        known.escortRequired(),
                        known.doseMgPerKg()));
    }

    @Override
    public synchronized void remove(String entryId) {
        entries.remove(entryId);
    }

    @Override
    public synchronized List<WaitingEntry> inRetryOrder() {
        List<WaitingEntry> all = new ArrayList<>(entries.values());
        all.sort(Comparator.comparing((WaitingEntry e) -> !e.urgent())
                .thenComparing(WaitingEntry::requestedAt)
                .thenComparing(WaitingEntry::id));
        return all;
    }

    @Override
    public synchronized List<WaitingEntry> page(@Nullable Collection<String> siteIds, PageRequest page) {
        return inRetryOrder().stream()
                .filter(e -> siteIds == null || siteIds.contains(e.siteId()))
                .skip(page.offset())
                .limit(page.size())
                .toList();
    }

    @Override
    public synchronized Map<String, Long> sizeBySite() {
        Map<String, Long> sizes = new TreeMap<>();
        entries.values().forEach(e -> sizes.merge(e.siteId(), 1L, Long::sum));
        return sizes;
    }
}
