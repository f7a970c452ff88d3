package org.clinicops.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

@ServiceIntegrationTest
class WalkingSkeletonTest {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @BeforeEach
    void theDayOfTheRequest() {
        clock.set(Instant.parse("2026-03-16T15:05:00Z"));
    }

    RestClient http() {
        return Api.rest(port);
    }

    @Test
    void opensTheAccountWithZeroBalanceAndChargesNothingForTheConsultationRequest() {
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        "req_skel",
                        "p_skeleton",
                        "bos",
                        Condition.TREATMENT_RESISTANT_DEPRESSION,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        Instant.parse("2026-03-16T15:00:00Z")),
                "evt_skel_1");

        Map<?, ?> account = await().until(
                        () -> http().get()
                                .uri("/api/patients/p_skeleton/account")
                                .retrieve()
                                .onStatus(HttpStatusCode::is4xxClientError, (req, res) -> {})
                                .body(Map.class),
                        a -> a != null && "p_skeleton".equals(a.get("patientId")));

        assertThat(account.get("balance")).isEqualTo("0.00");
        assertThat(account.get("openInvoices")).isEqualTo(0);
        assertThat(account.get("payerType")).isEqualTo("SELF_PAY");
        Map<?, ?> invoices = http().get()
                .uri("/api/invoices?patientId=p_skeleton")
                .retrieve()
                .body(Map.class);
        assertThat((List<?>) invoices.get("content")).isEmpty();
    }

    @Test
    void answers404ForAnUnknownPatient() {
        var status = http().get()
                .uri("/api/patients/p_nobody/account")
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(404);
    }

    @Test
    void givesANewSiteTheDefaultFeeScheduleInItsCurrency() {
        TestEvents.publish(
                kafka,
                new SiteUpdated(
                        "yyz",
                        "Toronto",
                        "America/Toronto",
                        "CAD",
                        4,
                        List.of(),
                        true,
                        Instant.parse("2026-03-01T00:00:00Z")),
                "evt_site_yyz");

        Map<?, ?> schedule = await().until(
                        () -> http().get()
                                .uri("/api/sites/yyz/fee-schedule")
                                .exchange((req, res) ->
                                        res.getStatusCode().value() == 200 ? res.bodyTo(Map.class) : null),
                        s -> s != null);
        assertThat(schedule.get("currency")).isEqualTo("CAD");
        assertThat((List<?>) schedule.get("items"))
                .anySatisfy(i -> assertThat(((Map<?, ?>) i).get("code")).isEqualTo("96365"))
                .noneSatisfy(i -> assertThat(((Map<?, ?>) i).get("code")).isEqualTo("99204"));
    }
}
