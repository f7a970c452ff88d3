package org.clinicops.events;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which service publishes each event and which services consume it, by short service name (the
 * application name without {@code -service}). Monitoring's indicator listener subscribes to every
 * topic of the contract, so it is a consumer of every event.
 */
record EventRouting(String producer, Set<String> consumers) {

    static final Set<String> SERVICES = Set.of("intake", "scheduling", "billing", "monitoring");

    static final Map<EventType, EventRouting> TABLE = table();

    private static Map<EventType, EventRouting> table() {
        Map<EventType, EventRouting> table = new EnumMap<>(EventType.class);
        Set<String> all = Set.of("intake", "billing", "monitoring");
        table.put(EventType.SITE_UPDATED, new EventRouting("scheduling", all));
        table.put(
                EventType.CONSULTATION_REQUESTED,
                new EventRouting("intake", Set.of("scheduling", "billing", "monitoring")));
        table.put(EventType.CONSULTATION_SCHEDULED, new EventRouting("scheduling", all));
        table.put(EventType.CONSULTATION_CHECKED_IN, new EventRouting("scheduling", Set.of("intake", "monitoring")));
        table.put(EventType.CONSULTATION_COMPLETED, new EventRouting("scheduling", all));
        table.put(EventType.PATIENT_SCREENED, new EventRouting("intake", Set.of("monitoring")));
        table.put(
                EventType.TREATMENT_PLAN_APPROVED,
                new EventRouting("intake", Set.of("scheduling", "billing", "monitoring")));
        table.put(EventType.TREATMENT_DECLINED, new EventRouting("intake", Set.of("monitoring")));
        table.put(EventType.INFUSION_SCHEDULED, new EventRouting("scheduling", Set.of("monitoring")));
        table.put(EventType.INFUSION_RESCHEDULED, new EventRouting("scheduling", Set.of("monitoring")));
        table.put(EventType.INFUSION_CANCELLED, new EventRouting("scheduling", Set.of("billing", "monitoring")));
        table.put(EventType.PATIENT_NO_SHOW, new EventRouting("scheduling", Set.of("billing", "monitoring")));
        table.put(EventType.SESSION_COMPLETED, new EventRouting("scheduling", Set.of("billing", "monitoring")));
        table.put(EventType.SESSION_STOPPED, new EventRouting("scheduling", Set.of("billing", "monitoring")));
        table.put(EventType.VITALS_RECORDED, new EventRouting("monitoring", Set.of("scheduling", "monitoring")));
        table.put(EventType.VITALS_ALERT_RAISED, new EventRouting("monitoring", Set.of("monitoring")));
        table.put(EventType.VITALS_ALERT_CLOSED, new EventRouting("monitoring", Set.of("scheduling", "monitoring")));
        table.put(EventType.ADVERSE_EVENT_REPORTED, new EventRouting("monitoring", Set.of("monitoring")));
        table.put(EventType.CLINICAL_HOLD_PLACED, new EventRouting("monitoring", Set.of("scheduling", "monitoring")));
        table.put(EventType.CLINICAL_HOLD_RELEASED, new EventRouting("monitoring", Set.of("scheduling", "monitoring")));
        table.put(EventType.INVOICE_ISSUED, new EventRouting("billing", Set.of("monitoring")));
        table.put(EventType.PAYMENT_RECEIVED, new EventRouting("billing", Set.of("monitoring")));
        table.put(
                EventType.CONSULTATION_REQUEST_WITHDRAWN,
                new EventRouting("intake", Set.of("scheduling", "monitoring")));
        table.put(EventType.CONSULTATION_CANCELLED, new EventRouting("scheduling", Set.of("monitoring")));
        table.put(EventType.CONSULTATION_NO_SHOW, new EventRouting("scheduling", Set.of("monitoring")));
        table.put(EventType.INVOICE_VOIDED, new EventRouting("billing", Set.of("monitoring")));
        table.put(EventType.INVOICE_ADJUSTED, new EventRouting("billing", Set.of("monitoring")));
        table.put(EventType.CONTROLLED_SUBSTANCE_DISCREPANCY, new EventRouting("monitoring", Set.of("monitoring")));
        return Map.copyOf(table);
    }
}
