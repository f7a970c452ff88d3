package org.clinicops.monitoring.indicators.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.clinicops.events.SessionStopped;

/**
 * Every indicator of one site at one moment. Counts only grow as facts accumulate; ratios are 0
 * while their denominator is 0. Duration and money observations are kept raw so the exporter can
 * bucket them.
 */
public record SiteIndicators(
        String siteId,
        // throughput
        long consultationRequests,
        Map<Condition, Long> consultationRequestsByCondition,
        long consultationsScheduled,
        long consultationsCompleted,
        long infusionsScheduled,
        long infusionsCompleted,
        long noShows,
        long cancellations,
        long lateCancellations,
        // sessions stopped early, by reason (every reason present, 0 when none): apart from completed
        Map<SessionStopped.Reason, Long> sessionsStopped,
        // access
        List<Double> requestToConsultationDays,
        List<Double> requestToFirstInfusionDays,
        double startedWithinTargetRatio,
        long waitingListPatients,
        long urgentRequestsDue,
        long urgentRequestsSeenInTime,
        // affordability
        List<BigDecimal> outOfPocketPerSession,
        List<BigDecimal> outOfPocketPerCourse,
        double assistedPatientsRatio,
        BigDecimal averageDiscount,
        double discountRatio,
        Map<PayerType, Long> payerMix,
        double collectionRate,
        BigDecimal outstandingBalance,
        // safety and outcomes
        Map<Integer, Map<AdverseEventCategory, Long>> adverseEvents,
        // per 100 infusions given: completed or stopped
        double adverseEventsPer100Infusions,
        Map<String, Long> vitalsAlertsByRule,
        long clinicalHoldsOpen,
        long depressionCoursesEvaluated,
        long responders,
        long remitters) {

    public double responseRate() {
        return depressionCoursesEvaluated == 0 ? 0 : (double) responders / depressionCoursesEvaluated;
    }

    public double remissionRate() {
        return depressionCoursesEvaluated == 0 ? 0 : (double) remitters / depressionCoursesEvaluated;
    }

    public double urgentSeenWithin72hRatio() {
        return urgentRequestsDue == 0 ? 0 : (double) urgentRequestsSeenInTime / urgentRequestsDue;
    }

    public long sessionsStoppedTotal() {
        return sessionsStopped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long adverseEventsTotal() {
        return adverseEvents.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The p-th percentile (0-100) by nearest rank, 0 when there is no observation. */
    public static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
