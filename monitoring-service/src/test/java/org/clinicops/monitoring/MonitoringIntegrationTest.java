package org.clinicops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.EventType;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.monitoring.indicators.application.FactLog;
import org.clinicops.monitoring.indicators.application.ProjectionStore;
import org.clinicops.monitoring.indicators.application.RebuildProjections;
import org.clinicops.monitoring.indicators.domain.ClinicFacts;
import org.clinicops.monitoring.indicators.domain.ClinicHistory;
import org.clinicops.monitoring.indicators.domain.IndicatorPolicy;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.clinicops.platform.cloudevents.CloudEventRecords;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

@ServiceIntegrationTest
class MonitoringIntegrationTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    RebuildProjections rebuild;

    @Autowired
    FactLog facts;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    TestClock clock;

    @Autowired
    ProjectionStore store;

    @Autowired
    IndicatorPolicy policy;

    @Autowired
    MongoTemplate mongo;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Test
    void consumesEveryClinicTopicInTheServicesOwnConsumerGroup() {
        var container = listeners.getListenerContainer("monitoring-all-events");

        assertThat(container).isNotNull();
        assertThat(container.getGroupId()).isEqualTo("monitoring-service");
        assertThat(container.getContainerProperties().getTopics()).hasSize(EventType.values().length);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    void publish(ClinicEvent event, String eventId) {
        kafka.send(EventRecords.fromOwner(PendingEvent.of(event, eventId, T0)));
    }

    String scrape() {
        return RestClient.create("http://localhost:" + managementPort)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
    }

    List<String> indicatorLines() {
        return indicatorLines("site_a");
    }

    List<String> indicatorLines(String site) {
        return scrape().lines()
                .filter(l -> l.startsWith("clinic_") && l.contains("site=\"" + site + "\""))
                .sorted()
                .toList();
    }

    @Test
    void exportsIndicatorsOfAKnownHistoryAndGivesTheSameFiguresAfterARebuildFromTheTopics() {
        // the figures of the history are read when it ends, not at whatever date the run has: waits
        // and due dates are measured to the clock
        clock.set(ClinicHistory.NOW);
        List<RecordedEvent> history = ClinicHistory.events();
        for (RecordedEvent fact : history) {
            publish(fact.event(), fact.id());
        }
        publish(history.get(3).event(), history.get(3).id()); // redelivered

        String site = "application=\"monitoring-service\",site=\"site_a\"";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(scrape())
                                .contains("clinic_consultation_requests_total{" + site + "} 5.0")
                                .contains("clinic_infusions_completed_total{" + site + "} 2.0")
                                .contains("clinic_no_shows_total{" + site + "} 1.0")
                                .contains("clinic_adverse_events_per_100_infusions{" + site + ",window=\"all\"} 50.0")
                                .contains(
                                        "clinic_adverse_events_per_100_infusions_numerator{application=\"monitoring-service\",grade=\"3\",site=\"site_a\",window=\"90d\"} 1.0")
                                .contains("clinic_adverse_events_per_100_infusions_denominator{" + site
                                        + ",window=\"90d\"} 2.0")
                                // the adverse event and both infusions are older than 30 days
                                .contains("clinic_adverse_events_per_100_infusions{" + site + ",window=\"30d\"} 0.0")
                                .contains(
                                        "clinic_adverse_events_total{application=\"monitoring-service\",category=\"HEADACHE\",grade=\"3\",site=\"site_a\"} 1.0")
                                .contains("clinic_response_rate_ratio{" + site + ",window=\"all\"} 1.0")
                                .contains("clinic_assisted_patients_ratio{" + site + ",window=\"all\"} 1.0")
                                .contains("clinic_assisted_patients_numerator{" + site + ",window=\"all\"} 1.0")
                                .contains("clinic_assisted_patients_denominator{" + site + ",window=\"all\"} 1.0")
                                .contains("clinic_waiting_list_patients{" + site + "} 2.0")
                                .contains("clinic_clinical_holds_open{" + site + "} 1.0")
                                .contains(
                                        "clinic_payer_mix_patients{application=\"monitoring-service\",payer_type=\"SELF_PAY\",site=\"site_a\"} 3.0")
                                .contains("clinic_request_to_first_infusion_days_bucket{" + site + ",le=\"14.0\"} 1")
                                .contains("clinic_out_of_pocket_per_session_dollars_count{" + site + "} 2")
                                .contains("clinic_out_of_pocket_per_course_dollars_sum{" + site + "} 900.0")
                                // a site known only from site-updated has its series at zero
                                .contains(
                                        "clinic_consultation_requests_total{application=\"monitoring-service\",site=\"site_b\"} 0.0")
                                .contains(
                                        "clinic_waiting_list_patients{application=\"monitoring-service\",site=\"site_b\"} 0.0"));
        List<String> before = indicatorLines();
        long factsBefore = facts.count();

        var rebuilt = rebuild.handle();

        assertThat(rebuilt.facts()).isEqualTo(factsBefore);
        assertThat(rebuilt.eventsRead()).isGreaterThanOrEqualTo(history.size() + 1L);
        assertThat(indicatorLines()).isEqualTo(before);
    }

    @Test
    void countsRequestsAndScheduledConsultationsOncePerEventEvenWhenRedelivered() {
        clock.set(T0.plus(Duration.ofMinutes(2))); // just after the consultation was booked
        ConsultationRequested requested = new ConsultationRequested(
                "req_skel",
                "p_skel",
                "site_skel",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                ReferralSource.SELF,
                PayerType.SELF_PAY,
                false,
                T0);
        ConsultationScheduled scheduled = new ConsultationScheduled(
                "apt_skel",
                "req_skel",
                "p_skel",
                "site_skel",
                "cl_1",
                false,
                T0,
                T0.plus(Duration.ofDays(3)),
                T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)),
                T0.plusSeconds(60));
        publish(requested, "evt_skel_req");
        publish(requested, "evt_skel_req");
        publish(scheduled, "evt_skel_sched");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(scrape())
                                .contains(
                                        "clinic_consultation_requests_total{application=\"monitoring-service\",site=\"site_skel\"} 1.0")
                                .contains(
                                        "clinic_consultations_scheduled_total{application=\"monitoring-service\",site=\"site_skel\"} 1.0")
                                .contains(
                                        "clinic_waiting_list_patients{application=\"monitoring-service\",site=\"site_skel\"} 0.0")
                                // booked is not seen: the wait ends when the consultation takes place
                                .contains(
                                        "clinic_request_to_consultation_days_bucket{application=\"monitoring-service\",site=\"site_skel\",le=\"3.0\"} 0"));

        ConsultationCompleted completed = new ConsultationCompleted(
                "apt_skel",
                "req_skel",
                "p_skel",
                "site_skel",
                "cl_1",
                T0.plus(Duration.ofDays(3)),
                T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        publish(completed, "evt_skel_done");
        publish(completed, "evt_skel_done");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(scrape())
                                .contains(
                                        "clinic_consultations_completed_total{application=\"monitoring-service\",site=\"site_skel\"} 1.0")
                                .contains(
                                        "clinic_request_to_consultation_days_bucket{application=\"monitoring-service\",site=\"site_skel\",le=\"3.0\"} 1"));
    }

    @Test
    void anEventFromASourceThatDoesNotOwnItsTopicIsCountedNeitherLiveNorByARebuild() {
        clock.set(T0.plus(Duration.ofMinutes(2)));
        // scheduling does not place clinical holds: only monitoring does
        ClinicalHoldPlaced forged =
                new ClinicalHoldPlaced("hold_forged", "p_forged", "site_forged", "ae_forged", 4, T0);
        kafka.send(CloudEventRecords.toRecord(
                PendingEvent.of(forged, "evt_forged_hold", T0), URI.create(EventType.SITE_UPDATED.source())));
        publish(
                new ConsultationRequested(
                        "req_forged",
                        "p_forged",
                        "site_forged",
                        Condition.PTSD,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        T0),
                "evt_genuine_req");

        try (TopicProbe dlt = new TopicProbe(brokers, "clinic.clinical-hold-placed.dlt")) {
            dlt.await(r -> "p_forged".equals(r.key())); // the live listener refused it
        }
        String site = "application=\"monitoring-service\",site=\"site_forged\"";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scrape())
                        .contains("clinic_consultation_requests_total{" + site + "} 1.0")
                        .contains("clinic_clinical_holds_open{" + site + "} 0.0"));

        rebuild.handle(); // the forged event still sits in the original topic

        assertThat(scrape())
                .contains("clinic_consultation_requests_total{" + site + "} 1.0")
                .contains("clinic_clinical_holds_open{" + site + "} 0.0");
    }

    @Test
    void aStoredProjectionOfTheFormerFormatIsRebuiltFromTheTopicsNeverRead() {
        clock.set(T0.plus(Duration.ofMinutes(5)));
        publish(
                new ConsultationRequested(
                        "req_format",
                        "p_format",
                        "site_format",
                        Condition.PTSD,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        T0),
                "evt_format_req");
        String site = "application=\"monitoring-service\",site=\"site_format\"";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(scrape()).contains("clinic_consultation_requests_total{" + site + "} 1.0"));
        rebuild.handle();
        List<String> before = indicatorLines("site_format");

        // what the previous version stored: a pointer without a format (format 1) to a copy whose
        // layout this version does not read
        mongo.getCollection("projection_chunks")
                .insertOne(new Document("_id", "gen_v1/0")
                        .append("data", new Binary(new byte[] {0, 0, 0, 1, 0, 0, 0, 0})));
        mongo.getCollection("projections")
                .replaceOne(
                        Filters.eq("_id", "indicators"),
                        new Document("_id", "indicators")
                                .append("generation", "gen_v1")
                                .append("chunks", 1)
                                .append("facts", 0L),
                        new ReplaceOptions().upsert(true));

        assertThat(store.outdated()).isTrue();
        assertThat(store.load(policy)).as("an outdated copy is never read").isEmpty();

        rebuild.handleIfOutdated(); // what ProjectionFormatUpgrade does on start (it may have done it already)

        await().atMost(Duration.ofSeconds(60)).until(() -> !store.outdated());
        assertThat(mongo.getCollection("projections")
                        .find(Filters.eq("_id", "indicators"))
                        .first()
                        .getInteger("format"))
                .isEqualTo(ClinicFacts.VERSION);
        assertThat(store.load(policy)).isPresent();
        assertThat(indicatorLines("site_format")).isEqualTo(before).isNotEmpty();
    }
}
