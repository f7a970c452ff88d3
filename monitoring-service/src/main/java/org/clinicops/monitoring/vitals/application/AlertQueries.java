package org.clinicops.monitoring.vitals.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.jspecify.annotations.Nullable;

/** Reads alerts and session charts. */
public interface AlertQueries {

    /**
     * One page of the alerts of some sites (or of every site), newest first, read from the store with
     * a limit: sessions are filtered, their alerts unwound, sorted, skipped and limited by the store,
     * never loaded whole.
     *
     * @param siteIds the sites to show; null: every site
     * @param open true: only alerts not closed yet; false: only closed ones; null: all
     */
    Page<AlertView> alerts(@Nullable Collection<String> siteIds, @Nullable Boolean open, PageRequest page);

    Optional<SessionVitals> session(String sessionId);

    /** Per site: how many alerts are active (not closed) and when the oldest of them was raised. */
    record ActiveAlerts(long count, Instant oldestRaisedAt) {}

    Map<String, ActiveAlerts> activeAlertsSummary();
}
