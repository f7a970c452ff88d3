package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The cells of one day bucket as bits: per resource, bit {@code i} is the cell starting {@code i}
 * units after the UTC midnight of the day. The unit is the coarsest that places every cell the bucket
 * ever held (a divisor of an hour, so a 15-minute grid gives 96 bits, 12 bytes, per resource and
 * day); a cell off that unit refines it. Stored as {@code u} (seconds) and {@code r}: resource (escaped
 * as a field name) to the little-endian bytes of its bits, trailing zero bytes left out.
 */
final class DayBits {

    static final String UNIT = "u";
    static final String RESOURCES = "r";

    private static final int HOUR = 3600;
    private static final int DAY = 86_400;

    private final Instant midnight;
    private int unit;
    private final Map<String, BitSet> bits = new LinkedHashMap<>();

    private DayBits(LocalDate day, int unit) {
        this.midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.unit = unit;
    }

    static DayBits empty(LocalDate day) {
        return new DayBits(day, HOUR);
    }

    /** The bits a stored bucket holds (none for a bucket without bits). */
    static DayBits of(LocalDate day, Document bucket) {
        Number unit = bucket.get(UNIT, Number.class);
        DayBits read = new DayBits(day, unit == null ? HOUR : unit.intValue());
        Document resources = bucket.get(RESOURCES, Document.class);
        if (resources != null) {
            resources.forEach((field, value) -> {
                byte[] bytes = value instanceof Binary b ? b.getData() : (byte[]) value;
                BitSet set = BitSet.valueOf(bytes);
                if (!set.isEmpty()) {
                    read.bits.put(unescape(field), set);
                }
            });
        }
        return read;
    }

    /** Takes the cell of the resource; answers whether a bit changed. */
    boolean set(String resource, Instant cell) {
        int index = index(cell, true);
        BitSet set = bits.computeIfAbsent(resource, r -> new BitSet());
        boolean changed = !set.get(index);
        set.set(index);
        return changed;
    }

    /** Frees the cell of the resource; answers whether a bit changed. */
    boolean clear(String resource, Instant cell) {
        BitSet set = bits.get(resource);
        int index = index(cell, false);
        if (set == null || index < 0 || !set.get(index)) {
            return false;
        }
        set.clear(index);
        if (set.isEmpty()) {
            bits.remove(resource);
        }
        return true;
    }

    boolean isSet(String resource, Instant cell) {
        BitSet set = bits.get(resource);
        int index = index(cell, false);
        return set != null && index >= 0 && set.get(index);
    }

    /** Every taken cell, by resource and start, in [from, to). */
    void forEach(Instant from, Instant to, BiConsumer<String, Instant> action) {
        bits.forEach((resource, set) -> {
            for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
                Instant cell = midnight.plusSeconds((long) i * unit);
                if (!cell.isBefore(from) && cell.isBefore(to)) {
                    action.accept(resource, cell);
                }
            }
        });
    }

    /** Every taken cell of the day. */
    void forEach(BiConsumer<String, Instant> action) {
        forEach(midnight, midnight.plusSeconds(DAY), action);
    }

    int unit() {
        return unit;
    }

    /** The {@code r} field to store. */
    Document resources() {
        Document stored = new Document();
        bits.forEach((resource, set) -> stored.append(escape(resource), new Binary(set.toByteArray())));
        return stored;
    }

    /**
     * The bit of a cell; when {@code refine}, first makes the unit fine enough to hold it, otherwise
     * -1 for a cell the unit cannot hold (so it was never set).
     */
    private int index(Instant cell, boolean refine) {
        long seconds = cell.getEpochSecond() - midnight.getEpochSecond();
        if (cell.getNano() != 0 || seconds < 0 || seconds >= DAY) {
            throw new IllegalArgumentException("not a whole-second cell of this day: " + cell);
        }
        if (seconds % unit != 0) {
            if (!refine) {
                return -1;
            }
            refine(gcd(unit, (int) (seconds % HOUR)));
        }
        return (int) (seconds / unit);
    }

    private void refine(int finer) {
        int factor = unit / finer;
        bits.replaceAll((resource, set) -> {
            BitSet scaled = new BitSet();
            for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
                scaled.set(i * factor);
            }
            return scaled;
        });
        unit = finer;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** A resource as a field name: no dots, no leading dollar. */
    static String escape(String resource) {
        return resource.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String unescape(String field) {
        return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
