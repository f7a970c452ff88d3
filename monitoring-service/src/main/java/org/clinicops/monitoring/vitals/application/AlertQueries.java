package org.clinicops.monitoring.vitals.application;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.vitals.domain.AlertStatus;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Reads alerts and session charts. */
@Service
public class AlertQueries {

    private final SessionVitalsRepository sessions;

    AlertQueries(SessionVitalsRepository sessions) {
        this.sessions = sessions;
    }

    /**
     * Alerts of some sites (or of every site), newest first.
     *
     * @param siteIds the sites to show; null: every site
     * @param open true: only alerts not closed yet; false: only closed ones; null: all
     */
    public Page<AlertView> alerts(@Nullable Collection<String> siteIds, @Nullable Boolean open, Pageable page) {
        List<SessionVitals> candidates;
        if (Boolean.TRUE.equals(open)) {
            candidates = siteIds == null
                    ? sessions.findByActiveAlertsGreaterThan(0)
                    : sessions.findBySiteIdInAndActiveAlertsGreaterThan(siteIds, 0);
        } else {
            candidates = siteIds == null ? sessions.findAll() : sessions.findBySiteIdIn(siteIds);
        }
        List<AlertView> all = candidates.stream()
                .flatMap(s -> s.alerts().stream()
                        .filter(a -> open == null || open == (a.status() != AlertStatus.CLOSED))
                        .map(a -> AlertView.of(s, a)))
                .sorted(Comparator.comparing(AlertView::raisedAt).reversed().thenComparing(AlertView::alertId))
                .toList();
        int from = (int) Math.min(page.getOffset(), all.size());
        int to = Math.min(from + page.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), page, all.size());
    }

    public Optional<SessionVitals> session(String sessionId) {
        return sessions.findById(sessionId);
    }

    /** Per site: how many alerts are active (not closed) and when the oldest of them was raised. */
    public record ActiveAlerts(long count, java.time.Instant oldestRaisedAt) {}

    public java.util.Map<String, ActiveAlerts> activeAlertsSummary() {
        java.util.Map<String, ActiveAlerts> bySite = new java.util.HashMap<>();
        for (SessionVitals session : sessions.findByActiveAlertsGreaterThan(0)) {
            for (var alert : session.alerts()) {
                if (alert.status() == AlertStatus.CLOSED) {
                    continue;
                }
                bySite.merge(
                        session.siteId(),
                        new ActiveAlerts(1, alert.raisedAt()),
                        (a, b) -> new ActiveAlerts(
                                a.count() + b.count(),
                                a.oldestRaisedAt().isBefore(b.oldestRaisedAt())
                                        ? a.oldestRaisedAt()
                                        : b.oldestRaisedAt()));
            }
        }
        return bySite;
    }
}
