package org.clinicops.scheduling.booking.application;

import java.util.List;
import org.clinicops.events.SessionStopped;
import org.clinicops.scheduling.booking.domain.DischargeCheck;

/**
 * What the booking use cases count, per site (labels are site ids and fixed names only). The gauges
 * of chair utilization, waiting entries and the next series come from {@link MeasureCapacity}.
 */
public interface SchedulingMetrics {

    /** {@code clinic_scheduling_no_shows_recorded_total{site}}: a session the patient missed. */
    void noShow(String siteId);

    /** {@code clinic_scheduling_late_cancellations_recorded_total{site}}: a cancellation inside the window. */
    void lateCancellation(String siteId);

    /** {@code clinic_scheduling_discharge_refusals_total{site,check}}: completions refused, per failed check. */
    void dischargeRefused(String siteId, List<DischargeCheck> checks);

    /** {@code clinic_scheduling_discharge_overrides_total{site,check}}: failed checks a clinician overrode. */
    void dischargeOverridden(String siteId, List<DischargeCheck> checks);

    /** {@code clinic_scheduling_sessions_stopped_total{site,reason}}: infusions stopped early. */
    void sessionStopped(String siteId, SessionStopped.Reason reason);
}
