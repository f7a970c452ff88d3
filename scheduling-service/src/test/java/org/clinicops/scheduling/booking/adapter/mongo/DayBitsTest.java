package org.clinicops.scheduling.booking.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

/** One bit per resource and cell of a day, in the unit the cells need. */
class DayBitsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-02");
    private static final String CHAIR = "chair:bos.main/bos-1";

    private static Instant at(String time) {
        return Instant.parse("2026-12-02T" + time + "Z");
    }

    private static List<String> cells(DayBits bits) {
        List<String> cells = new ArrayList<>();
        bits.forEach((resource, cell) -> cells.add(resource + "@" + cell));
        return cells;
    }

    /** Stored and read back, as a bucket would be. */
    private static DayBits roundTrip(DayBits bits) {
        return DayBits.of(DAY, new Document(DayBits.UNIT, bits.unit()).append(DayBits.RESOURCES, bits.resources()));
    }

    @Test
    void aFifteenMinuteGridTakesTwelveBytesPerResourceAndDay() {
        DayBits bits = DayBits.empty(DAY);
        bits.set(CHAIR, at("00:00:00"));
        bits.set(CHAIR, at("23:45:00"));

        assertThat(bits.unit()).isEqualTo(900);
        Binary stored = (Binary) bits.resources().get(DayBits.escape(CHAIR));
        assertThat(stored.getData()).hasSize(12);
        assertThat(cells(roundTrip(bits)))
                .containsExactly(CHAIR + "@2026-12-02T00:00:00Z", CHAIR + "@2026-12-02T23:45:00Z");
    }

    @Test
    void aCellOffTheUnitRefinesItAndKeepsTheCellsAlreadyTaken() {
        DayBits bits = DayBits.empty(DAY);
        bits.set(CHAIR, at("14:00:00"));
        assertThat(bits.unit()).isEqualTo(3600);

        bits.set(CHAIR, at("14:05:00"));

        assertThat(bits.unit()).isEqualTo(300);
        DayBits read = roundTrip(bits);
        assertThat(read.isSet(CHAIR, at("14:00:00"))).isTrue();
        assertThat(read.isSet(CHAIR, at("14:05:00"))).isTrue();
        assertThat(read.isSet(CHAIR, at("14:10:00"))).isFalse();
        assertThat(read.isSet(CHAIR, at("14:07:30")))
                .as("off the unit: never taken")
                .isFalse();
    }

    @Test
    void clearingAnswersWhetherABitChangedAndDropsAnEmptyResource() {
        DayBits bits = DayBits.empty(DAY);
        assertThat(bits.set(CHAIR, at("09:00:00"))).isTrue();
        assertThat(bits.set(CHAIR, at("09:00:00"))).as("already taken").isFalse();

        assertThat(bits.clear(CHAIR, at("09:15:00"))).isFalse();
        assertThat(bits.clear(CHAIR, at("09:00:00"))).isTrue();

        assertThat(bits.resources()).isEmpty();
    }

    @Test
    void listsOnlyTheCellsOfTheWindow() {
        DayBits bits = DayBits.empty(DAY);
        for (String time : List.of("08:45:00", "09:00:00", "09:15:00", "09:30:00")) {
            bits.set(CHAIR, at(time));
        }
        List<Instant> seen = new ArrayList<>();

        bits.forEach(at("09:00:00"), at("09:30:00"), (resource, cell) -> seen.add(cell));

        assertThat(seen).containsExactly(at("09:00:00"), at("09:15:00"));
    }

    @Test
    void resourceNamesBecomeFieldNamesWithoutDotsOrDollars() {
        for (String resource : List.of("chair:a.b/c", "$patient:x", "nurse-capacity:s%2E#1", "clinician:c")) {
            String field = DayBits.escape(resource);
            assertThat(field).doesNotContain(".").doesNotStartWith("$");
            assertThat(DayBits.unescape(field)).isEqualTo(resource);
        }
    }

    @Test
    void refusesACellOfAnotherDay() {
        assertThatThrownBy(() -> DayBits.empty(DAY).set(CHAIR, Instant.parse("2026-12-03T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
