package org.clinicops.scheduling.booking.application;

import java.util.Collection;
import java.util.List;
import org.clinicops.platform.paging.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * One page of the waiting list in retry order (urgent first, then by request time), read from the
 * store with a limit: never the whole list. The caller passes the sites the user may see (null for
 * every site).
 */
@Service
public class FindWaitingEntries {

    private final WaitingList waitingList;

    FindWaitingEntries(WaitingList waitingList) {
        this.waitingList = waitingList;
    }

    public List<WaitingEntry> find(@Nullable Collection<String> siteIds, PageRequest page) {
        return waitingList.page(siteIds, page);
    }
}
