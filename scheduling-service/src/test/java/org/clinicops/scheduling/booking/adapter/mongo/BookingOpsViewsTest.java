package org.clinicops.scheduling.booking.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.OpsViews;
import org.clinicops.platform.test.OpsViewsOffByDefault;
import org.clinicops.platform.test.OpsViewsSwitchedOn;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class BookingOpsViewsTest {

    @Nested
    class SwitchedOn extends OpsViewsSwitchedOn {

        @LocalServerPort
        int port;

        @Autowired
        TestClock clock;

        @Test
        void shows_the_request_and_cells_of_a_booked_consultation_their_holders_and_the_waiting_list()
                throws Exception {
            // a weekday morning: the new site's default hours (weekdays 08:00-18:00) are open
            clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneId.of("America/Los_Angeles")));
            HttpResponse<String> site = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sites"))
                                    .header(
                                            "Authorization",
                                            TestTokens.bearer(TestTokens.of("operator", Role.OPERATOR, "*")))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("""
                                            {"id":"opv","name":"Site opv","timeZone":"America/Los_Angeles","chairs":1,
                                             "clinicians":[{"id":"opv-dr1","name":"Dr One","role":"PHYSICIAN"},
                                                           {"id":"opv-rn1","name":"Nurse One","role":"NURSE"}]}"""))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
            request("req_opv_booked", "opv", "evt_opv_booked");
            request("req_opv_waiting", "opv-unknown", "evt_opv_waiting");

            await().untilAsserted(() -> assertThat(rows("appointments"))
                    .anySatisfy(a -> assertThat(a.path("requestId").asString()).isEqualTo("req_opv_booked")));
            JsonNode booked = rows("appointments").stream()
                    .filter(a -> "req_opv_booked".equals(a.path("requestId").asString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(booked.path("status").asString()).isEqualTo("SCHEDULED");
            List<String> cells = booked.path("cells").values().stream()
                    .map(JsonNode::asString)
                    .toList();
            assertThat(cells).isNotEmpty();
            Map<String, String> holders = OpsViews.rows(management, "cells", 7).stream()
                    .collect(Collectors.toMap(
                            c -> c.path("id").asString(),
                            c -> c.path("appointmentId").asString()));
            assertThat(cells)
                    .allSatisfy(cell -> assertThat(holders)
                            .containsEntry(cell, booked.path("id").asString()));

            await().untilAsserted(() -> assertThat(rows("waiting-list")).anySatisfy(w -> {
                assertThat(w.path("requestId").asString()).isEqualTo("req_opv_waiting");
                assertThat(w.path("kind").asString()).isEqualTo("CONSULTATION");
                assertThat(w.path("siteId").asString()).isEqualTo("opv-unknown");
            }));
            // a request is applied without an inbox entry (booking is idempotent by request id); its
            // withdrawal is recorded
            kafka.send(EventRecords.fromOwner(PendingEvent.of(
                    new ConsultationRequestWithdrawn(
                            "req_opv_waiting", "p_req_opv_waiting", "opv-unknown", null, clock.instant()),
                    "evt_opv_withdrawn",
                    clock.instant())));
            await().untilAsserted(() -> assertThat(rows("inbox"))
                    .anySatisfy(e -> assertThat(e.path("eventId").asString()).isEqualTo("evt_opv_withdrawn")));
        }

        private void request(String requestId, String siteId, String eventId) {
            kafka.send(EventRecords.fromOwner(PendingEvent.of(
                    new ConsultationRequested(
                            requestId,
                            "p_" + requestId,
                            siteId,
                            Condition.TREATMENT_RESISTANT_DEPRESSION,
                            ReferralSource.SELF,
                            PayerType.SELF_PAY,
                            false,
                            clock.instant()),
                    eventId,
                    clock.instant())));
        }
    }

    @Nested
    class ByDefault extends OpsViewsOffByDefault {

        @Override
        protected String view() {
            return "appointments";
        }
    }
}
