package org.clinicops.scheduling.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed grid appointments start and end on (for example every 15 minutes, aligned on UTC).
 * Each grid cell of a resource can be reserved once, which is what makes double booking impossible.
 */
public record SlotGrid(Duration cell) {

    public SlotGrid {
        if (cell.isZero() || cell.isNegative() || Duration.ofHours(1).toSeconds() % cell.toSeconds() != 0) {
            throw new IllegalArgumentException("the grid cell must divide an hour");
        }
    }

    public static SlotGrid ofMinutes(int minutes) {
        return new SlotGrid(Duration.ofMinutes(minutes));
    }

    /** The first grid instant at or after the given one. */
    public Instant roundUp(Instant instant) {
        long size = cell.toSeconds();
        long seconds = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
        long rounded = Math.floorDiv(seconds + size - 1, size) * size;
        return Instant.ofEpochSecond(rounded);
    }

    /** The last grid instant at or before the given one. */
    public Instant roundDown(Instant instant) {
        long size = cell.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), size) * size);
    }

    public boolean isOnGrid(Instant instant) {
        return instant.getNano() == 0 && instant.getEpochSecond() % cell.toSeconds() == 0;
    }

    /** A duration rounded up to whole cells. */
    public Duration span(Duration duration) {
        long cells = (duration.toSeconds() + cell.toSeconds() - 1) / cell.toSeconds();
        return cell.multipliedBy(Math.max(cells, 1));
    }

    /** The cells of [start, end), by their start instants. */
    public List<Instant> cells(Instant start, Instant end) {
        List<Instant> cells = new ArrayList<>();
        for (Instant c = start; c.isBefore(end); c = c.plus(cell)) {
            cells.add(c);
        }
        return cells;
    }
}
