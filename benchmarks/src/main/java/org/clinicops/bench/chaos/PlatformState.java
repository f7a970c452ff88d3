package org.clinicops.bench.chaos;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.bench.Platform;
import org.clinicops.bench.ServiceReads;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the services hold once the platform has settled, read through their public APIs (requests,
 * appointments, invoices with their payments) and, for what no API shows, through their ops views
 * (consultations' requests and end times, booked cells and their holders, the waiting list,
 * accounts, each consumer's inbox). Never from their databases: a service may store it as it likes.
 */
record PlatformState(
        Map<String, Request> requests,
        Map<String, Appointment> appointments,
        Map<String, String> cellHolders,
        Set<String> waitingRequests,
        Set<String> accounts,
        Map<String, Invoice> invoices,
        Map<String, Set<String>> applied) {

    record Request(String id, String patientId, String siteId, String status) {}

    /**
     * @param completedAt when a completed appointment ended (the rest of its time was freed)
     * @param cells the grid cells booking says it holds
     */
    record Appointment(
            String id,
            String type,
            String patientId,
            String siteId,
            @Nullable String chairId,
            @Nullable String clinicianId,
            @Nullable String requestId,
            @Nullable String planId,
            @Nullable Integer sessionNumber,
            String status,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable Instant completedAt,
            List<String> cells) {}

    record Invoice(
            String id,
            String siteId,
            String source,
            @Nullable String sourceId,
            String status,
            @Nullable Instant issuedAt,
            BigDecimal paid,
            BigDecimal patientResponsibility,
            List<Payment> payments) {}

    record Payment(String id, String kind, BigDecimal amount) {}

    /** Whether the service's handler applied the event ({@code applied} per service). */
    boolean applied(String service, String handler, String eventId) {
        return applied.getOrDefault(service, Set.of()).contains(key(handler, eventId));
    }

    static String patientAtSite(String patientId, String siteId) {
        return patientId + " at " + siteId;
    }

    private static String key(String handler, String eventId) {
        return handler + " " + eventId;
    }

    static PlatformState read(Platform platform) throws IOException, InterruptedException {
        ServiceReads reads = new ServiceReads(platform);

        Map<String, Request> requests = new LinkedHashMap<>();
        for (JsonNode r : reads.pages("intake-service", "/api/consultation-requests?sort=id,asc")) {
            requests.put(
                    text(r, "id"),
                    new Request(text(r, "id"), text(r, "patientId"), text(r, "siteId"), text(r, "status")));
        }

        Map<String, JsonNode> bookings = new HashMap<>();
        for (JsonNode b : reads.view("scheduling-service", "appointments")) {
            bookings.put(text(b, "id"), b);
        }
        Map<String, Appointment> appointments = new LinkedHashMap<>();
        for (JsonNode a : reads.pages("scheduling-service", "/api/appointments")) {
            String id = text(a, "id");
            JsonNode booking = bookings.get(id);
            List<String> cells = new ArrayList<>();
            if (booking != null) {
                booking.path("cells").forEach(c -> cells.add(c.asString()));
            }
            appointments.put(
                    id,
                    new Appointment(
                            id,
                            text(a, "type"),
                            text(a, "patientId"),
                            text(a, "siteId"),
                            optional(a, "chairId"),
                            optional(a, "clinicianId"),
                            booking == null ? null : optional(booking, "requestId"),
                            optional(a, "planId"),
                            a.path("sessionNumber").isNumber()
                                    ? a.path("sessionNumber").asInt()
                                    : null,
                            text(a, "status"),
                            instant(a, "startsAt"),
                            instant(a, "endsAt"),
                            booking == null ? null : instant(booking, "completedAt"),
                            List.copyOf(cells)));
        }
        Map<String, String> holders = new HashMap<>();
        for (JsonNode c : reads.view("scheduling-service", "cells")) {
            holders.put(text(c, "id"), text(c, "appointmentId"));
        }
        Set<String> waiting = new HashSet<>();
        for (JsonNode w : reads.view("scheduling-service", "waiting-list")) {
            if ("CONSULTATION".equals(text(w, "kind")) && optional(w, "requestId") != null) {
                waiting.add(text(w, "requestId"));
            }
        }

        Set<String> accounts = new HashSet<>();
        for (JsonNode a : reads.view("billing-service", "accounts")) {
            accounts.add(patientAtSite(text(a, "patientId"), text(a, "siteId")));
        }
        Map<String, Invoice> invoices = new LinkedHashMap<>();
        for (JsonNode i : reads.pages("billing-service", "/api/invoices")) {
            List<Payment> payments = new ArrayList<>();
            for (JsonNode p : i.path("payments")) {
                payments.add(new Payment(text(p, "id"), text(p, "kind"), ChaosChecks.decimal(optional(p, "amount"))));
            }
            invoices.put(
                    text(i, "id"),
                    new Invoice(
                            text(i, "id"),
                            text(i, "siteId"),
                            text(i, "source"),
                            optional(i, "sourceId"),
                            text(i, "status"),
                            instant(i, "issuedAt"),
                            ChaosChecks.decimal(optional(i, "paid")),
                            ChaosChecks.decimal(optional(i, "patientResponsibility")),
                            List.copyOf(payments)));
        }

        Map<String, Set<String>> applied = new HashMap<>();
        for (String service : Platform.SERVICES) {
            Set<String> keys = applied.computeIfAbsent(service, k -> new HashSet<>());
            for (JsonNode e : reads.view(service, "inbox")) {
                keys.add(key(text(e, "handler"), text(e, "eventId")));
            }
        }
        // monitoring's fact log is the inbox of its indicators' handler
        for (JsonNode e : reads.view("monitoring-service", "facts")) {
            applied.get("monitoring-service").add(key(text(e, "handler"), text(e, "eventId")));
        }
        return new PlatformState(requests, appointments, holders, waiting, accounts, invoices, applied);
    }

    private static String text(JsonNode node, String field) {
        String value = optional(node, field);
        return value == null ? "" : value;
    }

    private static @Nullable String optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static @Nullable Instant instant(JsonNode node, String field) {
        String value = optional(node, field);
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }
}
