package org.clinicops.scheduling.booking.application;

import java.util.List;
import java.util.Map;

/** Requests and plans waiting for capacity, urgent first then oldest first. */
public interface WaitingList {

    /** Adds the entry, or when it is already waiting updates its reason (keeps the first waitingSince). */
    void add(WaitingEntry entry);

    void remove(String entryId);

    /** Entries in the order they are retried: urgent first, then by request time. */
    List<WaitingEntry> inRetryOrder();

    /** Number of entries per site. */
    Map<String, Long> sizeBySite();
}
