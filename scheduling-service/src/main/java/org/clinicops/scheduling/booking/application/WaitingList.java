package org.clinicops.scheduling.booking.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.clinicops.platform.paging.PageRequest;
import org.jspecify.annotations.Nullable;

/** Requests and plans waiting for capacity, urgent first then oldest first. */
public interface WaitingList {

    /** Adds the entry, or when it is already waiting updates its reason (keeps the first waitingSince). */
    void add(WaitingEntry entry);

    void remove(String entryId);

    /** Entries in the order they are retried: urgent first, then by request time. */
    List<WaitingEntry> inRetryOrder();

    /**
     * One page of the entries at these sites (null: every site) in retry order, read with a limit.
     */
    List<WaitingEntry> page(@Nullable Collection<String> siteIds, PageRequest page);

    /** Number of entries per site. */
    Map<String, Long> sizeBySite();
}
