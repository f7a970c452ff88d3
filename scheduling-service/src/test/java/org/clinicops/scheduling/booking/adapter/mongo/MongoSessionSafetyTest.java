package org.clinicops.scheduling.booking.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import org.clinicops.platform.inbox.AppliedEvent;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.booking.domain.SessionSafety;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class MongoSessionSafetyTest {

    private static final Instant T = Instant.parse("2026-12-01T15:40:00Z");

    private MongoClient client;
    private MongoSessionSafety safety;

    @BeforeEach
    void freshStore() {
        String uri = InMemoryMongo.freshDatabaseUri("safety");
        client = MongoClients.create(uri);
        safety = new MongoSessionSafety(new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1)));
    }

    private int deliveries;

    /** A new consumed event's inbox entry: the values repeat below, the deliveries do not. */
    private AppliedEvent delivery() {
        return new AppliedEvent("safety/evt_" + ++deliveries, null, T);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void knowsNothingOfAnUnknownSession() {
        assertThat(safety.of("apt_unknown")).isEqualTo(SessionSafety.NOTHING_RECORDED);
    }

    @Test
    void keepsTheLatestReadingWhateverTheOrderTheyArriveIn() {
        safety.vitalsTaken("apt_1", T, delivery());
        safety.vitalsTaken("apt_1", T.minusSeconds(900), delivery());
        assertThat(safety.of("apt_1").lastVitalsAt()).isEqualTo(T);

        safety.vitalsTaken("apt_1", T.plusSeconds(60), delivery());
        safety.vitalsTaken("apt_1", T.plusSeconds(60), delivery());
        assertThat(safety.of("apt_1").lastVitalsAt()).isEqualTo(T.plusSeconds(60));
        assertThat(safety.of("apt_2").lastVitalsAt()).isNull();
    }

    @Test
    void anAlertIsOpenFromItsRaiseUntilItsCloseInEitherOrderAndReplaysChangeNothing() {
        safety.alertRaised("apt_1", "alr_1", delivery());
        safety.alertRaised("apt_1", "alr_2", delivery());
        assertThat(safety.of("apt_1").openAlertIds()).containsExactlyInAnyOrder("alr_1", "alr_2");

        safety.alertClosed("apt_1", "alr_1", delivery());
        safety.alertRaised("apt_1", "alr_1", delivery());
        assertThat(safety.of("apt_1").openAlertIds()).containsExactly("alr_2");

        // the close of alr_3 arrives before its raise
        safety.alertClosed("apt_1", "alr_3", delivery());
        safety.alertRaised("apt_1", "alr_3", delivery());
        safety.alertClosed("apt_1", "alr_2", delivery());
        assertThat(safety.of("apt_1").openAlertIds()).isEmpty();
    }

    @Test
    void alertIdsWithDotsAreKeptAsValuesNotFieldNames() {
        safety.alertRaised("apt.1", "alr.v1:2", delivery());
        assertThat(safety.of("apt.1").openAlertIds()).containsExactly("alr.v1:2");
        safety.vitalsTaken("apt.1", T, delivery());
        assertThat(safety.of("apt.1")).isEqualTo(new SessionSafety(T, java.util.Set.of("alr.v1:2")));
    }
}
