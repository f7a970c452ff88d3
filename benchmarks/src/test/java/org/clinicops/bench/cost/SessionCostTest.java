package org.clinicops.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class SessionCostTest {

    private static String jwt(String claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void theStaffIdOfATokenIsItsPreferredUsernameElseItsSubject() {
        assertThat(SessionCost.staffId(jwt("{\"sub\":\"clinic-demo\",\"preferred_username\":\"demo-simulator\"}")))
                .isEqualTo("demo-simulator");
        assertThat(SessionCost.staffId(jwt("{\"sub\":\"clinic-demo\"}"))).isEqualTo("clinic-demo");
    }

    @Test
    void onlyASessionsInvoiceFinishesASession() {
        assertThat(SessionCost.session(
                        record("{\"invoiceId\":\"inv_1\",\"source\":\"SESSION\",\"sourceId\":\"apt_9\"}")))
                .isEqualTo("apt_9");
        assertThat(SessionCost.session(
                        record("{\"invoiceId\":\"inv_2\",\"source\":\"CONSULTATION\",\"sourceId\":\"apt_8\"}")))
                .isNull();
    }

    private static ConsumerRecord<String, byte[]> record(String json) {
        return new ConsumerRecord<>("clinic.invoice-issued", 0, 0, "p_1", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void picksAZoneWhoseNextMidnightIsAnHourAndAHalfAway() {
        Duration ahead = Duration.ofMinutes(90);
        for (Instant now = Instant.parse("2026-12-06T00:00:00Z");
                now.isBefore(Instant.parse("2026-12-07T00:00:00Z"));
                now = now.plusSeconds(7 * 60 + 13)) {
            ZoneOffset zone = SessionCost.zoneWithMidnightIn(now, ahead);
            ZonedDateTime local = now.atZone(zone);
            Duration toMidnight =
                    Duration.between(local, local.toLocalDate().plusDays(1).atStartOfDay(zone));

            assertThat(toMidnight).as("at %s in %s", now, zone).isBetween(ahead, ahead.plusMinutes(15));
            assertThat(zone.getTotalSeconds() % 900).isZero();
        }
        assertThat(SessionCost.zoneWithMidnightIn(Instant.parse("2026-12-06T18:54:00Z"), ahead))
                .isEqualTo(ZoneOffset.ofHoursMinutes(3, 30));
    }
}
